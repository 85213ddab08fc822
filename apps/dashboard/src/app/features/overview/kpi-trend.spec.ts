import type { TrendPoint } from '@iop/contracts';
import {
  censusSeriesOf,
  changeAgainstPreviousMonth,
  describeSparkline,
  latestMatureMonth,
  sparkPointsOf,
  trendValueOf,
} from './kpi-trend';
import { formatMonth } from '../../ui/formats/number-format';

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
  ci95: denominator === 0 ? null : ([0, 1] as [number, number]),
});

describe('latestMatureMonth', () => {
  it('keeps the as-of month only when the as-of date is its last day', () => {
    expect(latestMatureMonth('2026-06-30', 0)).toBe('2026-06');
    expect(latestMatureMonth('2026-06-15', 0)).toBe('2026-05');
  });

  it('leaves out the months whose patients have not all had the days the outcome needs', () => {
    // 31 March + 90 days = 29 June: March is mature on 30 June, April is not.
    expect(latestMatureMonth('2026-06-30', 90)).toBe('2026-03');
    expect(latestMatureMonth('2026-06-28', 90)).toBe('2026-02');
    expect(latestMatureMonth('2026-06-30', 180)).toBe('2025-12');
    expect(latestMatureMonth('2026-01-10', 0)).toBe('2025-12');
  });
});

describe('trendValueOf and sparkPointsOf', () => {
  it('reads counts, means and rates, and drops undefined and suppressed months', () => {
    expect(trendValueOf(12)).toBe(12);
    expect(trendValueOf(rate(1, 4))).toBe(0.25);
    expect(trendValueOf(rate(0, 0))).toBeNull();
    expect(trendValueOf({ suppressed: true, reason: 'fewer than 11' })).toBeNull();
    expect(trendValueOf(null)).toBeNull();

    const points: TrendPoint[] = [
      { period: '2026-01', value: rate(20, 40), n: 40 },
      { period: '2026-02', value: { suppressed: true, reason: 'fewer than 11' }, n: 9 },
      { period: '2026-03', value: rate(30, 50), n: 50 },
      { period: '2026-04', value: rate(1, 3), n: 63 },
      { period: '2026-05', value: rate(0, 0), n: 62 },
    ];
    expect(sparkPointsOf(points, '2026-03')).toEqual([
      { period: '2026-01', value: 0.5 },
      { period: '2026-03', value: 0.6 },
    ]);
    expect(sparkPointsOf(points, null).map((point) => point.period)).toEqual(['2026-01', '2026-03', '2026-04']);
  });
});

describe('censusSeriesOf', () => {
  it('counts who is active at each month end from admissions and discharges', () => {
    expect(
      censusSeriesOf([
        { period: '2026-01', admissions: 41, discharges: 5 },
        { period: '2026-02', admissions: 48, discharges: 20 },
        { period: '2026-03', admissions: 0, discharges: 30 },
      ]),
    ).toEqual([
      { period: '2026-01', value: 36 },
      { period: '2026-02', value: 64 },
      { period: '2026-03', value: 34 },
    ]);
  });
});

describe('changeAgainstPreviousMonth', () => {
  it('states a rate change in percentage points against the month before', () => {
    const change = changeAgainstPreviousMonth(
      [
        { period: '2026-02', value: 0.386 },
        { period: '2026-03', value: 0.3676 },
      ],
      'rate',
      'cohort',
      90,
    );
    expect(change).toEqual({
      text: '−1.8 pts vs Feb 2026',
      explanation:
        'Patients admitted in Mar 2026 against those admitted in Feb 2026. Later months are left out until all their patients have had 90 days since admission.',
      direction: 'down',
    });
  });

  it('compares counts, hours and the census in their own units', () => {
    const months = (a: number, b: number) => [
      { period: '2025-12', value: a },
      { period: '2026-01', value: b },
    ];
    expect(changeAgainstPreviousMonth(months(57, 69), 'count', 'cohort')?.text).toBe('+12 vs Dec 2025');
    expect(changeAgainstPreviousMonth(months(8.04, 7.62), 'hours', 'cohort')?.text).toBe('−0.4 h vs Dec 2025');
    expect(changeAgainstPreviousMonth(months(130, 120), 'count', 'census')?.text).toBe('−10 vs end of Dec 2025');
  });

  it('calls a change that rounds to nothing flat, not a rise', () => {
    const change = changeAgainstPreviousMonth(
      [
        { period: '2026-02', value: 0.5 },
        { period: '2026-03', value: 0.50004 },
      ],
      'rate',
      'cohort',
    );
    expect(change?.text).toBe('±0 pts vs Feb 2026');
    expect(change?.direction).toBe('flat');
  });

  it('does not compare across a gap or with a single month', () => {
    expect(
      changeAgainstPreviousMonth(
        [
          { period: '2026-01', value: 0.5 },
          { period: '2026-03', value: 0.6 },
        ],
        'rate',
        'cohort',
      ),
    ).toBeNull();
    expect(changeAgainstPreviousMonth([{ period: '2026-03', value: 0.6 }], 'rate', 'cohort')).toBeNull();
  });
});

describe('describeSparkline and formatMonth', () => {
  it('says the span, the ends and the range in words', () => {
    expect(formatMonth('2024-07')).toBe('Jul 2024');
    expect(
      describeSparkline(
        'Attendance rate by month',
        [
          { period: '2024-07', value: 0.78 },
          { period: '2024-08', value: 0.74 },
          { period: '2024-09', value: 0.81 },
        ],
        'rate',
      ),
    ).toBe('Attendance rate by month, Jul 2024 to Sep 2024: from 78.0% to 81.0%, lowest 74.0%, highest 81.0%.');
    expect(describeSparkline('Episodes', [], 'count')).toBe('Episodes: no monthly values to show.');
  });
});
