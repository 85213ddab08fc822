import type { SummaryResponse } from '@iop/contracts';
import { toOverviewDisplay } from './overview-display';
import { SUMMARY } from './overview-test-data';

function kpisOf(summary: SummaryResponse) {
  const kpis = toOverviewDisplay(summary).kpis;
  if (!kpis) throw new Error('An overview with episodes has its KPIs.');
  return kpis;
}

describe('toOverviewDisplay', () => {
  it('formats every KPI with its interval and n', () => {
    const display = toOverviewDisplay(SUMMARY);
    const kpis = kpisOf(SUMMARY);

    expect(display.asOf).toEqual({ iso: '2026-06-30', text: 'Jun 30, 2026' });
    expect(display.isEmpty).toBe(false);
    expect(kpis.episodes).toEqual({ value: '1,500', details: [], suppressed: false, smallCell: false });
    expect(kpis.activeEpisodes).toEqual({
      value: '120',
      details: ['of 1,500 episodes'],
      suppressed: false,
      smallCell: false,
    });
    expect(kpis.completionRate).toEqual({
      value: '33.5%',
      details: ['95% CI 31.0%–36.0%', 'n = 1,380 discharged episodes'],
      suppressed: false,
      smallCell: false,
    });
    expect(kpis.negativeScreenRate.details).toEqual(['95% CI 49.0%–50.8%', 'n = 12,267 expected screens']);
    expect(kpis.attendedHoursPerWeek.value).toBe('7.9 h');
  });

  it('marks exact values that rest on 1-10 episodes, as directors receive them', () => {
    const kpis = kpisOf({
      ...SUMMARY,
      activeEpisodes: 7,
      // 3 of 4 discharged completed: the numerator, the denominator and the 1 non-completer are all small.
      completionRate: { numerator: 3, denominator: 4, rate: 0.75, ci95: [0.3006, 0.9544] },
      // 1,370 of 1,380 retained: both are large, but the 10 who were not retained are a small cell.
      retained90: { numerator: 1370, denominator: 1380, rate: 1370 / 1380, ci95: [0.9867, 0.9961] },
    });
    expect(kpis.activeEpisodes.smallCell).toBe(true);
    expect(kpis.completionRate).toMatchObject({ value: '75.0%', smallCell: true });
    expect(kpis.retained90.smallCell).toBe(true);
    expect(kpis.episodes.smallCell).toBe(false);
    expect(kpis.negativeScreenRate.smallCell).toBe(false);
  });

  it('says n/a where a rate has no denominator yet', () => {
    const kpis = kpisOf({
      ...SUMMARY,
      attendanceRate: { numerator: 0, denominator: 0, rate: null, ci95: null },
      attendedHoursPerWeek: { mean: null, median: null },
    });

    expect(kpis.attendanceRate).toEqual({
      value: 'n/a',
      details: ['Not defined yet: nothing to count.', 'n = 0 appointments'],
      suppressed: false,
    });
    expect(kpis.attendedHoursPerWeek).toEqual({
      value: 'n/a',
      details: ['ASAM 2.1 floor: 9 h a week (6 under 18)', 'n = 1,500 episodes'],
      suppressed: false,
    });
  });

  it('keeps the hours when only the share meeting the floor is withheld', () => {
    const kpis = kpisOf({ ...SUMMARY, meetsIntensity: { suppressed: true, reason: 'fewer than 11' } });
    expect(kpis.attendedHoursPerWeek.details).toContain('At or above the floor: fewer than 11');
  });

  it('is empty without episodes', () => {
    const display = toOverviewDisplay({ ...SUMMARY, asOf: null, episodes: 0, activeEpisodes: 0 });
    expect(display.isEmpty).toBe(true);
    expect(display.kpis).toBeNull();
  });
});
