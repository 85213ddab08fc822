import type { DischargeReasonsResponse, FlowResponse, SummaryResponse, TrendResponse } from '@iop/contracts';

/** Small realistic answers of the overview's endpoints (shaped like the demo network's), for the specs. */

export const SUMMARY: SummaryResponse = {
  asOf: '2026-06-30',
  episodes: 1500,
  activeEpisodes: 120,
  attendanceRate: { numerator: 43_739, denominator: 55_588, rate: 0.78684, ci95: [0.78342, 0.79023] },
  attendedHoursPerWeek: { mean: 7.906, median: 8.08 },
  meetsIntensity: { numerator: 651, denominator: 1500, rate: 0.434, ci95: [0.40912, 0.45922] },
  complianceScore: { mean: 0.7559 },
  compliant: { numerator: 683, denominator: 1500, rate: 0.45533, ci95: [0.43028, 0.48062] },
  retained30: { numerator: 876, denominator: 1443, rate: 0.60707, ci95: [0.58162, 0.63195] },
  retained60: { numerator: 644, denominator: 1383, rate: 0.46565, ci95: [0.4395, 0.492] },
  retained90: { numerator: 446, denominator: 1321, rate: 0.33762, ci95: [0.31263, 0.36356] },
  completionRate: { numerator: 462, denominator: 1380, rate: 0.33478, ci95: [0.31037, 0.36011] },
  positiveConclusionRate: { numerator: 731, denominator: 1380, rate: 0.52971, ci95: [0.50333, 0.55592] },
  dropoutRate: { numerator: 510, denominator: 1380, rate: 0.36957, ci95: [0.34449, 0.39536] },
  medianLengthOfStay: 40,
  negativeScreenRate: { numerator: 6123, denominator: 12_267, rate: 0.49914, ci95: [0.4903, 0.50799] },
  abstinentFinal4Weeks: { numerator: 300, denominator: 1200, rate: 0.25, ci95: [0.22636, 0.27524] },
  readmitted30: { numerator: 41, denominator: 1010, rate: 0.04059, ci95: [0.03003, 0.05465] },
  readmitted90: { numerator: 90, denominator: 900, rate: 0.1, ci95: [0.08218, 0.12117] },
};

export const FLOW: FlowResponse = {
  asOf: '2026-06-30',
  points: [
    { period: '2026-04', admissions: 63, discharges: 50 },
    { period: '2026-05', admissions: 62, discharges: 70 },
    { period: '2026-06', admissions: 57, discharges: 52 },
  ],
};

export const DISCHARGE_REASONS: DischargeReasonsResponse = {
  asOf: '2026-06-30',
  discharged: 1380,
  active: 120,
  reasons: [
    {
      code: 1,
      label: 'Completed',
      share: { numerator: 462, denominator: 1380, rate: 0.33478, ci95: [0.31037, 0.36011] },
    },
    {
      code: 2,
      label: 'Dropped out',
      share: { numerator: 356, denominator: 1380, rate: 0.25797, ci95: [0.23558, 0.2817] },
    },
    { code: 6, label: 'Death', share: { suppressed: true, reason: 'fewer than 11' } },
    { code: 7, label: 'Other', share: { numerator: 0, denominator: 1380, rate: 0, ci95: [0, 0.00278] } },
  ],
};

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
  ci95: denominator === 0 ? null : ([0.1, 0.9] as [number, number]),
});

/** retained90 by month of admission: April is right-censored (3 of 63 eligible), May and June undefined. */
export const RETAINED90_TREND: TrendResponse = {
  asOf: '2026-06-30',
  metric: 'retained90',
  interval: 'month',
  points: [
    { period: '2026-01', value: rate(21, 69), n: 69 },
    { period: '2026-02', value: rate(22, 57), n: 57 },
    { period: '2026-03', value: rate(25, 68), n: 68 },
    { period: '2026-04', value: rate(1, 3), n: 63 },
    { period: '2026-05', value: rate(0, 0), n: 62 },
    { period: '2026-06', value: rate(0, 0), n: 57 },
  ],
};

/** A trend of any other metric: the same three months, each with a value. */
export function trendOf(metric: TrendResponse['metric']): TrendResponse {
  const values = metric === 'episodes' ? [69, 57, 68] : metric === 'attendedHoursPerWeek' ? [8.1, 7.9, 8.3] : null;
  return {
    asOf: '2026-06-30',
    metric,
    interval: 'month',
    points: ['2026-04', '2026-05', '2026-06'].map((period, i) => ({
      period,
      value: values ? values[i] : rate(40 + i * 5, 100),
      n: 100,
    })),
  };
}
