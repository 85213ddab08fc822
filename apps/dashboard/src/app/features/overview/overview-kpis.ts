import type { EpisodeMetric } from '@iop/contracts';
import type { KpiValueKind } from './kpi-trend';

/** What defines one headline card: the metric it shows, how it reads, and when a month can be compared. */
export interface OverviewKpiSpec {
  metric: EpisodeMetric;
  label: string;
  testId: string;
  kind: KpiValueKind;
  /** What a rate's denominator counts, printed after n. */
  unit: string;
  /** One plain sentence under the number. */
  definition: string;
  /** Anchor on the definitions page. */
  anchor: string;
  /**
   * Days every patient of an admission month needs before the month's value is final. Cohort outcomes that
   * take time (90-day retention, completion, readmission after discharge) are otherwise biased in recent
   * months. 180 days for discharge-based outcomes: the median stay is about 40 days and most episodes
   * have ended by then.
   */
  maturityDays: number;
  /** A reference line on the sparkline. */
  floor?: number;
}

export const OVERVIEW_KPIS = {
  episodes: {
    metric: 'episodes',
    label: 'Episodes',
    testId: 'kpi-episodes',
    kind: 'count',
    unit: 'episodes',
    definition: 'Treatment episodes admitted.',
    anchor: 'episodes',
    maturityDays: 0,
  },
  activeEpisodes: {
    metric: 'activeEpisodes',
    label: 'Active census',
    testId: 'kpi-active',
    kind: 'count',
    unit: 'episodes',
    definition: 'Episodes with no discharge on the as-of date.',
    anchor: 'active-episodes',
    maturityDays: 0,
  },
  attendanceRate: {
    metric: 'attendanceRate',
    label: 'Attendance rate',
    testId: 'kpi-attendance-rate',
    kind: 'rate',
    unit: 'appointments',
    definition: 'Attended ÷ (attended + no-shows + patient cancellations), with its Wilson 95% interval.',
    anchor: 'attendance-rate',
    maturityDays: 0,
  },
  attendedHoursPerWeek: {
    metric: 'attendedHoursPerWeek',
    label: 'Attended hours per week',
    testId: 'kpi-hours',
    kind: 'hours',
    unit: 'episodes',
    definition: 'Attended contact hours ÷ weeks in treatment, per episode; the sparkline marks the 9-hour floor.',
    anchor: 'attended-hours-per-week',
    maturityDays: 0,
    floor: 9,
  },
  compliant: {
    metric: 'compliant',
    label: 'Compliant',
    testId: 'kpi-compliant',
    kind: 'rate',
    unit: 'episodes with a score',
    definition: 'Episodes with a compliance score of at least 0.80.',
    anchor: 'compliance',
    maturityDays: 0,
  },
  retained90: {
    metric: 'retained90',
    label: 'Retained at 90 days',
    testId: 'kpi-retained-90',
    kind: 'rate',
    unit: 'episodes admitted 90+ days ago',
    definition: 'Episodes that stayed at least 90 days, of those admitted at least 90 days before the as-of date.',
    anchor: 'retention',
    maturityDays: 90,
  },
  completionRate: {
    metric: 'completionRate',
    label: 'Completion',
    testId: 'kpi-completion',
    kind: 'rate',
    unit: 'discharged episodes',
    definition: 'Discharged episodes that completed treatment.',
    anchor: 'completion-rate',
    maturityDays: 180,
  },
  negativeScreenRate: {
    metric: 'negativeScreenRate',
    label: 'Negative drug screens',
    testId: 'kpi-negative-screens',
    kind: 'rate',
    unit: 'expected screens',
    definition: 'Negative ÷ expected screens; a missing screen counts as positive.',
    anchor: 'negative-screen-rate',
    maturityDays: 0,
  },
  readmitted30: {
    metric: 'readmitted30',
    label: 'Readmitted within 30 days',
    testId: 'kpi-readmitted-30',
    kind: 'rate',
    unit: 'discharges 30+ days ago',
    definition: 'Discharges (transfers excepted) followed by a new episode within 30 days. Lower is better.',
    anchor: 'readmission',
    maturityDays: 210,
  },
} as const satisfies Record<string, OverviewKpiSpec>;

export type OverviewKpiKey = keyof typeof OVERVIEW_KPIS;

export const OVERVIEW_KPI_KEYS = Object.keys(OVERVIEW_KPIS) as OverviewKpiKey[];
