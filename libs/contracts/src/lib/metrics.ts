import type { CountOrSuppressed, NumberOrSuppressed, RateOrSuppressed } from './rates';

/** Base path of the versioned API, shared by the API's global prefix and the dashboard's client. */
export const API_BASE_PATH = '/api/v1';

/** A mean and a median of a per-episode quantity; null when no episode is selected; suppressed for a payer over 1-10 episodes. */
export interface MeanMedian {
  mean: NumberOrSuppressed | null;
  median: NumberOrSuppressed | null;
}

/**
 * GET /api/v1/metrics/summary: the headline numbers of the selected episodes (docs/METRICS.md defines each).
 * Rates are { numerator, denominator, rate, ci95 } (Wilson 95%) or suppressed; for a payer, counts, rates and
 * means can be suppressed (docs/METRICS.md, Small cells).
 */
export interface SummaryResponse {
  /** The data's end date (ISO date): every number is computed as of this day, never the wall clock; null before any data is loaded. */
  asOf: string | null;
  /** Episodes admitted in the filter window. */
  episodes: CountOrSuppressed;
  /** Of those, episodes with no discharge at the as-of date. */
  activeEpisodes: CountOrSuppressed;
  /** attended / (attended + no_show + cancelled_patient), over the episodes' appointments. */
  attendanceRate: RateOrSuppressed;
  /** Attended contact hours / weeks in treatment, per episode. */
  attendedHoursPerWeek: MeanMedian;
  /** Episodes with attended hours per week >= 9 (>= 6 under 18) / episodes. */
  meetsIntensity: RateOrSuppressed;
  /** Mean compliance score (0-1) over episodes with at least one defined component. */
  complianceScore: { mean: NumberOrSuppressed | null };
  /** Episodes with compliance score >= 0.80 / episodes with a compliance score. */
  compliant: RateOrSuppressed;
  /** Length of stay >= N days / episodes admitted at least N days before the as-of date. */
  retained30: RateOrSuppressed;
  retained60: RateOrSuppressed;
  retained90: RateOrSuppressed;
  /** Discharge reason 1 / discharged episodes. */
  completionRate: RateOrSuppressed;
  /** Discharge reasons 1 + 4 / discharged episodes. */
  positiveConclusionRate: RateOrSuppressed;
  /** Discharge reasons 2 + 3 / discharged episodes. */
  dropoutRate: RateOrSuppressed;
  /** Median length of stay in days (active episodes censored at the as-of date); null when none. */
  medianLengthOfStay: NumberOrSuppressed | null;
  /** Negative / expected screens, missing counted as positive. */
  negativeScreenRate: RateOrSuppressed;
  /** Discharged episodes whose expected screens of the last 28 days were all negative / discharged episodes with one or more. */
  abstinentFinal4Weeks: RateOrSuppressed;
  /** Non-transfer discharges followed by a new episode 1-30 days later / such discharges at least 30 days before as-of. */
  readmitted30: RateOrSuppressed;
  /** As readmitted30, with 90 days. */
  readmitted90: RateOrSuppressed;
}

/** Metrics that trend and breakdown can compute; each is computed exactly as its summary field. */
export const EPISODE_METRICS = [
  'episodes',
  'activeEpisodes',
  'attendanceRate',
  'noShowRate',
  'attendedHoursPerWeek',
  'meetsIntensity',
  'complianceScore',
  'compliant',
  'retained30',
  'retained60',
  'retained90',
  'completionRate',
  'positiveConclusionRate',
  'dropoutRate',
  'medianLengthOfStay',
  'negativeScreenRate',
  'abstinentFinal4Weeks',
  'readmitted30',
  'readmitted90',
] as const;
export type EpisodeMetric = (typeof EPISODE_METRICS)[number];

/** Metrics defined per appointment: the only ones a breakdown by sessionType or slot can compute. */
export const APPOINTMENT_METRICS = ['attendanceRate', 'noShowRate'] as const satisfies readonly EpisodeMetric[];
export type AppointmentMetric = (typeof APPOINTMENT_METRICS)[number];

export const TREND_INTERVALS = ['month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Breakdown dimensions: episode attributes, then appointment attributes (appointment metrics only). */
export const EPISODE_DIMENSIONS = ['program', 'levelOfCare', 'payer', 'substance', 'ageBand', 'counselor'] as const;
export const APPOINTMENT_DIMENSIONS = ['sessionType', 'slot'] as const;
export const BREAKDOWN_DIMENSIONS = [...EPISODE_DIMENSIONS, ...APPOINTMENT_DIMENSIONS] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Local time slots of an appointment, in its program's time zone; weekend (Saturday, Sunday) wins over the hour. */
export const SLOTS = ['morning', 'afternoon', 'evening', 'weekend'] as const;
export type Slot = (typeof SLOTS)[number];

/** A count or a median/mean (number), a rate, or null where nothing is defined; any of them suppressed for a payer. */
export type MetricValue = RateOrSuppressed | number | null;

/** GET /api/v1/metrics/trend: one point per month of admission, from the first to the last month with episodes. */
export interface TrendResponse {
  asOf: string | null;
  metric: EpisodeMetric;
  interval: TrendInterval;
  points: TrendPoint[];
}

export interface TrendPoint {
  /** YYYY-MM of admission. */
  period: string;
  value: MetricValue;
  /** Episodes admitted in the period (suppressed for a payer when small or when it would reveal a small one). */
  n: CountOrSuppressed;
}

/** GET /api/v1/metrics/breakdown: the metric per group of the dimension, groups with no rows left out. */
export interface BreakdownResponse {
  asOf: string | null;
  metric: EpisodeMetric;
  by: BreakdownDimension;
  groups: BreakdownGroup[];
}

export interface BreakdownGroup {
  /** Stable key: the id or code of the group ('none' for episodes without a primary counselor). */
  key: string;
  label: string;
  value: MetricValue;
  /** Episodes in the group; for sessionType and slot, appointments in the metric's denominator (payer: may be suppressed). */
  n: CountOrSuppressed;
}
