import { formatMedianDays, formatPValue } from '@iop/contracts';
import {
  curveLabel,
  describeRetentionChart,
  formatLogRank,
  parseGroupBy,
  referenceOnAxis,
  timeAxisLabel,
  toRetentionTable,
  toSummaryRows,
  totalEpisodes,
} from './retention-display';
import { RETENTION_BY_LEVEL } from './retention-fixture';

describe('retention display', () => {
  it('falls back to level of care for a missing or unknown groupBy', () => {
    expect(parseGroupBy(null)).toBe('levelOfCare');
    expect(parseGroupBy('shoeSize')).toBe('levelOfCare');
    expect(parseGroupBy('payer')).toBe('payer');
  });

  it('labels the time axis and places the reference line from the time origin', () => {
    expect(timeAxisLabel({ timeOriginDay: 0 })).toBe('Days since admission');
    expect(timeAxisLabel({ timeOriginDay: 28 })).toBe('Days since day 28');
    expect(referenceOnAxis({ referenceDays: 90, timeOriginDay: 28 })).toBe(62);
  });

  it('writes payer codes as words', () => {
    expect(curveLabel('payer', { label: 'self_pay' })).toBe('Self pay');
    expect(curveLabel('program', { label: 'North_IOP' })).toBe('North_IOP');
  });

  it('prints medians with their interval, and "not reached" where the curve stays above 50%', () => {
    expect(formatMedianDays({ estimate: 75, lower: 60, upper: null })).toBe('75 days (95% CI 60–not reached)');
    expect(formatMedianDays({ estimate: null, lower: null, upper: null })).toBe('not reached');
  });

  it('prints the log-rank test', () => {
    expect(formatPValue(0.0004)).toBe('p < 0.001');
    expect(formatLogRank(RETENTION_BY_LEVEL)).toBe('Log-rank test: χ² = 7.4, df = 1, p = 0.0064');
    expect(formatLogRank({ ...RETENTION_BY_LEVEL, logRank: null })).toMatch(/not computed/);
  });

  it('summarises each group', () => {
    expect(totalEpisodes(RETENTION_BY_LEVEL)).toBe(170);
    expect(toSummaryRows(RETENTION_BY_LEVEL)).toEqual([
      {
        label: 'Level 2.1',
        episodes: '120',
        events: '40',
        median: '75 days (95% CI 60–not reached)',
        atReference: '41.2% (95% CI 33.0%–49.0%)',
      },
      { label: 'Level 2.5', episodes: '50', events: '5', median: 'not reached', atReference: 'not observed that long' },
    ]);
  });

  it('tabulates every 30-day mark of each group up to its last time', () => {
    const table = toRetentionTable(RETENTION_BY_LEVEL);
    expect(table.columns.map((column) => column.header)).toEqual([
      'Level of care',
      'Day',
      'Still engaged',
      '95% CI lower',
      '95% CI upper',
      'At risk',
    ]);
    expect(table.rows).toEqual([
      { group: 'Level 2.1', day: 0, survival: 1, lower: null, upper: null, atRisk: 120 },
      { group: 'Level 2.1', day: 30, survival: 0.9, lower: 0.83, upper: 0.94, atRisk: 100 },
      { group: 'Level 2.1', day: 60, survival: 0.72, lower: 0.63, upper: 0.79, atRisk: 60 },
      { group: 'Level 2.1', day: 90, survival: 0.412, lower: 0.33, upper: 0.49, atRisk: 20 },
      { group: 'Level 2.5', day: 0, survival: 1, lower: null, upper: null, atRisk: 50 },
    ]);
  });

  it('describes the chart in words', () => {
    expect(describeRetentionChart(RETENTION_BY_LEVEL)).toBe(
      'Kaplan–Meier curves of the share of episodes still engaged, by level of care. ' +
        'Level 2.1: 41.2% (95% CI 33.0%–49.0%) still engaged at day 90, median 75 days (95% CI 60–not reached); ' +
        'Level 2.5: not observed to day 90, median not reached.',
    );
  });
});
