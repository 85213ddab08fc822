/** GET /api/v1/early-warning (docs/METRICS.md "Early warning"). */

/** The model's features, each a number or a categorical factor known on the scoring day. */
export const EARLY_WARNING_FEATURES = [
  'attendedShare14',
  'attendedShare28',
  'consecutiveNoShows',
  'daysSinceLastAttended',
  'flaggedScreens28',
  'weekOfTreatment',
  'mat',
  'ageBand',
  'sex',
  'substance',
  'severity',
  'priorEpisodes',
  'payer',
] as const;
export type EarlyWarningFeature = (typeof EARLY_WARNING_FEATURES)[number];

export const EARLY_WARNING_FEATURE_LABELS: Record<EarlyWarningFeature, string> = {
  attendedShare14: 'Attended share, last 2 weeks',
  attendedShare28: 'Attended share, last 4 weeks',
  consecutiveNoShows: 'Consecutive no-shows',
  daysSinceLastAttended: 'Days since last attended session',
  flaggedScreens28: 'Positive or missing screens, last 28 days',
  weekOfTreatment: 'Week of treatment',
  mat: 'Medication (MAT)',
  ageBand: 'Age band',
  sex: 'Sex',
  substance: 'Primary substance',
  severity: 'Severity',
  priorEpisodes: 'Prior episodes',
  payer: 'Payer',
};

/** The plain rules shown instead of the model when it does not rank well enough. */
export const EARLY_WARNING_RULES = ['consecutiveNoShows', 'noAttendanceIn10Days'] as const;
export type EarlyWarningRule = (typeof EARLY_WARNING_RULES)[number];
export const EARLY_WARNING_RULE_LABELS: Record<EarlyWarningRule, string> = {
  consecutiveNoShows: '2 or more consecutive no-shows',
  noAttendanceIn10Days: 'No attended session in 10 days',
};

/** Bands of the model's risk against the network's 14-day disengagement rate; 'flagged'/'none' under the rules. */
export const EARLY_WARNING_BANDS = ['high', 'elevated', 'low', 'flagged', 'none'] as const;
export type EarlyWarningBand = (typeof EARLY_WARNING_BANDS)[number];

export const EARLY_WARNING_SORTS = ['risk', 'weekOfTreatment', 'program', 'counselor'] as const;
export type EarlyWarningSort = (typeof EARLY_WARNING_SORTS)[number];
export const EARLY_WARNING_DIRECTIONS = ['asc', 'desc'] as const;
export type EarlyWarningDirection = (typeof EARLY_WARNING_DIRECTIONS)[number];

/** A feature pushing a patient's risk up: coefficient x (value - training mean), on the log-odds scale. */
export interface EarlyWarningDriver {
  feature: EarlyWarningFeature;
  label: string;
  /** The patient's value in words (e.g. "3", "0.25", "opioids"). */
  value: string;
  logOdds: number;
}

export interface EarlyWarningRow {
  patientKey: string;
  episodeId: number;
  programId: number;
  programName: string;
  counselorId: number | null;
  counselorName: string | null;
  weekOfTreatment: number;
  /** Probability of disengaging within 14 days; null when the list ranks by the plain rules. */
  risk: number | null;
  band: EarlyWarningBand;
  /** Up to two features pushing the risk up most (empty under the rules). */
  drivers: EarlyWarningDriver[];
  consecutiveNoShows: number;
  daysSinceLastAttended: number;
  rulesMet: EarlyWarningRule[];
}

export interface EarlyWarningCalibrationGroup {
  group: number;
  n: number;
  meanPredicted: number;
  observed: number;
}

export interface EarlyWarningValidation {
  /** Scoring days before this day (their outcome known by it) trained the model that was validated. */
  cutOff: string;
  trainingRows: number;
  trainingEvents: number;
  validationRows: number;
  validationEvents: number;
  /** DeLong 95% interval. */
  cStatistic: { estimate: number; lower: number; upper: number };
  brier: number;
  /** Brier score of predicting the training rate for every validation row, for comparison. */
  brierOfBaseRate: number;
  /** Deciles of predicted risk: mean predicted against observed. */
  calibration: EarlyWarningCalibrationGroup[];
}

export interface EarlyWarningModelSummary {
  features: EarlyWarningFeature[];
  trainingRows: number;
  trainingEvents: number;
  /** The 14-day disengagement rate of the training rows: the bands are drawn against it. */
  baseRate: number;
}

export interface EarlyWarningResponse {
  asOf: string | null;
  horizonDays: number;
  /** true when the C-statistic's lower 95% bound is 0.6 or more: the list is ranked by the model. */
  modelUsable: boolean;
  ranking: 'model' | 'rules';
  /** What the ranking rests on, in words (shown above the list). */
  statement: string;
  validation: EarlyWarningValidation | null;
  /** Why there is no validation (too little history...), or null. */
  validationUnavailable: string | null;
  model: EarlyWarningModelSummary | null;
  rows: EarlyWarningRow[];
}
