import type { EpisodeMetric, MetricValue } from '@iop/contracts';
import { toRate } from './rate';

/**
 * The aggregates of a set of episode facts `f` (with the readmission lateral `r`), in one SELECT list, so the
 * summary, the trend and the breakdown compute each metric with the same SQL. Every column is a count, a sum,
 * a mean or a median of facts defined once in the episode_facts view.
 */
export const EPISODE_AGGREGATES_SQL = `
  count(*) AS episodes,
  count(*) FILTER (WHERE f.active) AS active,
  coalesce(sum(f.attendance_numerator), 0) AS attended,
  coalesce(sum(f.no_show), 0) AS no_show,
  coalesce(sum(f.attendance_denominator), 0) AS attendance_denominator,
  avg(f.attended_hours_per_week) AS hours_mean,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY f.attended_hours_per_week) AS hours_median,
  count(*) FILTER (WHERE f.meets_iop_intensity) AS meets_intensity,
  avg(f.compliance_score) AS compliance_mean,
  count(f.compliance_score) AS compliance_scored,
  count(*) FILTER (WHERE f.compliant) AS compliant,
  count(*) FILTER (WHERE f.as_of - f.admit_date >= 30) AS eligible30,
  count(*) FILTER (WHERE f.as_of - f.admit_date >= 30 AND f.length_of_stay_days >= 30) AS retained30,
  count(*) FILTER (WHERE f.as_of - f.admit_date >= 60) AS eligible60,
  count(*) FILTER (WHERE f.as_of - f.admit_date >= 60 AND f.length_of_stay_days >= 60) AS retained60,
  count(*) FILTER (WHERE f.as_of - f.admit_date >= 90) AS eligible90,
  count(*) FILTER (WHERE f.as_of - f.admit_date >= 90 AND f.length_of_stay_days >= 90) AS retained90,
  count(*) FILTER (WHERE NOT f.active) AS discharged,
  count(*) FILTER (WHERE f.discharge_reason = 1) AS completed,
  count(*) FILTER (WHERE f.discharge_reason IN (1, 4)) AS positive_conclusion,
  count(*) FILTER (WHERE f.discharge_reason IN (2, 3)) AS dropped_out,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY f.length_of_stay_days) AS los_median,
  coalesce(sum(f.screens_negative), 0) AS screens_negative,
  coalesce(sum(f.screens_expected), 0) AS screens_expected,
  count(*) FILTER (WHERE NOT f.active AND f.screens_expected_final_28 > 0) AS abstinence_eligible,
  count(*) FILTER (WHERE NOT f.active AND f.abstinent_final_4_weeks) AS abstinent,
  count(*) FILTER (WHERE f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 30) AS readmission_eligible30,
  count(*) FILTER (WHERE f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 30 AND r.days <= 30) AS readmitted30,
  count(*) FILTER (WHERE f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 90) AS readmission_eligible90,
  count(*) FILTER (WHERE f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 90 AND r.days <= 90) AS readmitted90
`;

/**
 * Days from the episode's discharge to the next admission of the same patient (any program, any level of care)
 * 1-90 days later; null when there is none. Joined as `r` next to `f`.
 */
export const READMISSION_LATERAL_SQL = `
  LEFT JOIN LATERAL (
    SELECT min(n.admit_date - f.discharge_date) AS days
    FROM episode_facts n
    WHERE n.patient_id = f.patient_id AND n.episode_id <> f.episode_id
      AND n.admit_date BETWEEN f.discharge_date + 1 AND f.discharge_date + 90
  ) r ON true
`;

export type AggregateRow = Record<string, string | number | null>;

const count = (row: AggregateRow, column: string) => Number(row[column] ?? 0);
const numberOrNull = (row: AggregateRow, column: string) => (row[column] == null ? null : Number(row[column]));

/** One metric's value from a row of EPISODE_AGGREGATES_SQL. */
export function metricValue(metric: EpisodeMetric, row: AggregateRow): MetricValue {
  const rate = (numerator: string, denominator: string) => toRate(count(row, numerator), count(row, denominator));
  switch (metric) {
    case 'episodes':
      return count(row, 'episodes');
    case 'activeEpisodes':
      return count(row, 'active');
    case 'attendanceRate':
      return rate('attended', 'attendance_denominator');
    case 'noShowRate':
      return rate('no_show', 'attendance_denominator');
    case 'attendedHoursPerWeek':
      return numberOrNull(row, 'hours_mean');
    case 'meetsIntensity':
      return rate('meets_intensity', 'episodes');
    case 'complianceScore':
      return numberOrNull(row, 'compliance_mean');
    case 'compliant':
      return rate('compliant', 'compliance_scored');
    case 'retained30':
      return rate('retained30', 'eligible30');
    case 'retained60':
      return rate('retained60', 'eligible60');
    case 'retained90':
      return rate('retained90', 'eligible90');
    case 'completionRate':
      return rate('completed', 'discharged');
    case 'positiveConclusionRate':
      return rate('positive_conclusion', 'discharged');
    case 'dropoutRate':
      return rate('dropped_out', 'discharged');
    case 'medianLengthOfStay':
      return numberOrNull(row, 'los_median');
    case 'negativeScreenRate':
      return rate('screens_negative', 'screens_expected');
    case 'abstinentFinal4Weeks':
      return rate('abstinent', 'abstinence_eligible');
    case 'readmitted30':
      return rate('readmitted30', 'readmission_eligible30');
    case 'readmitted90':
      return rate('readmitted90', 'readmission_eligible90');
  }
}
