import type { RetentionResponse } from '@iop/contracts';

/** A small answer of GET /api/v1/retention in the shape the API gives, for the page's and the mappings' tests. */
export const RETENTION_BY_LEVEL: RetentionResponse = {
  asOf: '2025-06-30',
  groupBy: 'levelOfCare',
  population: 'Selected episodes, time from admission (day of admission = day 1)',
  timeOriginDay: 0,
  referenceDays: 90,
  confType: 'log-log',
  confidence: 0.95,
  tercileCutPoints: null,
  curves: [
    {
      key: '2.1',
      label: 'Level 2.1',
      episodes: 120,
      events: 40,
      censored: 80,
      median: { estimate: 75, lower: 60, upper: null },
      atReference: { survival: 0.412, lower: 0.33, upper: 0.49 },
      steps: [
        { time: 10, atRisk: 120, events: 12, censored: 0, survival: 0.9, stdErr: 0.027, lower: 0.83, upper: 0.94 },
        { time: 45, atRisk: 100, events: 20, censored: 10, survival: 0.72, stdErr: 0.041, lower: 0.63, upper: 0.79 },
        { time: 80, atRisk: 60, events: 8, censored: 20, survival: 0.412, stdErr: 0.04, lower: 0.33, upper: 0.49 },
        { time: 100, atRisk: 20, events: 0, censored: 20, survival: 0.412, stdErr: 0.04, lower: 0.33, upper: 0.49 },
      ],
    },
    {
      key: '2.5',
      label: 'Level 2.5',
      episodes: 50,
      events: 5,
      censored: 45,
      median: { estimate: null, lower: null, upper: null },
      atReference: null,
      steps: [
        { time: 5, atRisk: 50, events: 0, censored: 10, survival: 1, stdErr: 0, lower: null, upper: null },
        { time: 20, atRisk: 40, events: 5, censored: 35, survival: 0.875, stdErr: 0.05, lower: 0.73, upper: 0.95 },
      ],
    },
  ],
  logRank: {
    chiSquare: 7.4321,
    df: 1,
    p: 0.0064,
    groups: [
      { key: '2.1', observed: 40, expected: 33.2 },
      { key: '2.5', observed: 5, expected: 11.8 },
    ],
  },
};
