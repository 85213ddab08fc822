/** What the retention curves can be split by (GET /api/v1/retention?groupBy=...). */
export const RETENTION_GROUP_BYS = ['levelOfCare', 'mat', 'groupTercile', 'program', 'payer'] as const;
export type RetentionGroupBy = (typeof RETENTION_GROUP_BYS)[number];

/** One step of a Kaplan-Meier curve: every distinct time with an event or a censoring. */
export interface RetentionStep {
  /** Days on the curve's time axis (see RetentionResponse.timeOriginDay). */
  time: number;
  /** Number at risk just before `time`. */
  atRisk: number;
  /** Disengagements (discharge reason 2 or 3) at `time`. */
  events: number;
  /** Censored at `time` (other discharge reasons, or active at the as-of date). */
  censored: number;
  /** S(t) just after `time`. */
  survival: number;
  /** Greenwood standard error of S(t); null once S(t) = 0. */
  stdErr: number | null;
  /** Greenwood 95% band, log-log transform; null where undefined (S = 0 or 1). */
  lower: number | null;
  upper: number | null;
}

/** Median time to disengagement and its 95% interval (R's rule); null where not reached. */
export interface RetentionMedian {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface RetentionCurve {
  /** Group key: level of care code, 'mat' / 'none', 'low' / 'middle' / 'high', program id, payer. */
  key: string;
  label: string;
  episodes: number;
  events: number;
  censored: number;
  median: RetentionMedian;
  /** S(t) and its band at the reference day (time = referenceDays - timeOriginDay); null when not observed that far. */
  atReference: { survival: number; lower: number | null; upper: number | null } | null;
  steps: RetentionStep[];
}

export interface RetentionLogRank {
  chiSquare: number;
  df: number;
  p: number;
  groups: Array<{ key: string; observed: number; expected: number }>;
}

/** GET /api/v1/retention: Kaplan-Meier curves of time to disengagement per group (docs/METRICS.md). */
export interface RetentionResponse {
  asOf: string | null;
  groupBy: RetentionGroupBy;
  /** Which episodes the curves describe (after the filters). */
  population: string;
  /** Day of the episode where the time axis starts: 0 (admission), or 28 for the landmark population of groupTercile. */
  timeOriginDay: number;
  /** The NIDA reference line, in days since admission (on the axis at referenceDays - timeOriginDay). */
  referenceDays: number;
  confType: 'log-log';
  confidence: number;
  /** groupTercile only: the 1/3 and 2/3 quantiles of groups attended per week in days 0-27; otherwise null. */
  tercileCutPoints: [number, number] | null;
  curves: RetentionCurve[];
  /** Log-rank test across the curves; null with fewer than two curves or no event. */
  logRank: RetentionLogRank | null;
}
