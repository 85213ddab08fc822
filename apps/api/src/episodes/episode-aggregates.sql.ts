import type { EpisodeMetric, MetricValue, RateValue } from '@iop/contracts';
import { z } from 'zod';
import { pg } from '../database/pg-columns';
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

const count = pg.int8;
const meanOrNull = pg.float8.nullable();

/**
 * The columns of EPISODE_AGGREGATES_SQL as node-postgres returns them: counts and sums are int8 (text, read as
 * numbers), means and medians float8 and null over no episodes. Keys stay the SQL's column names.
 */
export const episodeAggregatesSchema = z.object({
  episodes: count,
  active: count,
  attended: count,
  no_show: count,
  attendance_denominator: count,
  hours_mean: meanOrNull,
  hours_median: meanOrNull,
  meets_intensity: count,
  compliance_mean: meanOrNull,
  compliance_scored: count,
  compliant: count,
  eligible30: count,
  retained30: count,
  eligible60: count,
  retained60: count,
  eligible90: count,
  retained90: count,
  discharged: count,
  completed: count,
  positive_conclusion: count,
  dropped_out: count,
  los_median: meanOrNull,
  screens_negative: count,
  screens_expected: count,
  abstinence_eligible: count,
  abstinent: count,
  readmission_eligible30: count,
  readmitted30: count,
  readmission_eligible90: count,
  readmitted90: count,
});

export type EpisodeAggregates = z.output<typeof episodeAggregatesSchema>;

/** The aggregates of no episodes, as the SQL computes them over an empty selection: zero counts, null means. */
export const NO_EPISODE_AGGREGATES: EpisodeAggregates = {
  episodes: 0,
  active: 0,
  attended: 0,
  no_show: 0,
  attendance_denominator: 0,
  hours_mean: null,
  hours_median: null,
  meets_intensity: 0,
  compliance_mean: null,
  compliance_scored: 0,
  compliant: 0,
  eligible30: 0,
  retained30: 0,
  eligible60: 0,
  retained60: 0,
  eligible90: 0,
  retained90: 0,
  discharged: 0,
  completed: 0,
  positive_conclusion: 0,
  dropped_out: 0,
  los_median: null,
  screens_negative: 0,
  screens_expected: 0,
  abstinence_eligible: 0,
  abstinent: 0,
  readmission_eligible30: 0,
  readmitted30: 0,
  readmission_eligible90: 0,
  readmitted90: 0,
};

/** The compliance columns, which the attendance page's compliance query selects under the same names. */
export type ComplianceAggregates = Pick<EpisodeAggregates, 'compliance_mean' | 'compliance_scored' | 'compliant'>;

/** The mean compliance score (docs/METRICS.md), null when no episode has a defined score. */
export const complianceScoreOf = (row: ComplianceAggregates): number | null => row.compliance_mean;

/** Compliant episodes among those with a defined score. */
export const compliantRateOf = (row: ComplianceAggregates): RateValue => toRate(row.compliant, row.compliance_scored);

/** One metric's value from a row of EPISODE_AGGREGATES_SQL. */
export function metricValue(metric: EpisodeMetric, row: EpisodeAggregates): MetricValue {
  switch (metric) {
    case 'episodes':
      return row.episodes;
    case 'activeEpisodes':
      return row.active;
    case 'attendanceRate':
      return toRate(row.attended, row.attendance_denominator);
    case 'noShowRate':
      return toRate(row.no_show, row.attendance_denominator);
    case 'attendedHoursPerWeek':
      return row.hours_mean;
    case 'meetsIntensity':
      return toRate(row.meets_intensity, row.episodes);
    case 'complianceScore':
      return complianceScoreOf(row);
    case 'compliant':
      return compliantRateOf(row);
    case 'retained30':
      return toRate(row.retained30, row.eligible30);
    case 'retained60':
      return toRate(row.retained60, row.eligible60);
    case 'retained90':
      return toRate(row.retained90, row.eligible90);
    case 'completionRate':
      return toRate(row.completed, row.discharged);
    case 'positiveConclusionRate':
      return toRate(row.positive_conclusion, row.discharged);
    case 'dropoutRate':
      return toRate(row.dropped_out, row.discharged);
    case 'medianLengthOfStay':
      return row.los_median;
    case 'negativeScreenRate':
      return toRate(row.screens_negative, row.screens_expected);
    case 'abstinentFinal4Weeks':
      return toRate(row.abstinent, row.abstinence_eligible);
    case 'readmitted30':
      return toRate(row.readmitted30, row.readmission_eligible30);
    case 'readmitted90':
      return toRate(row.readmitted90, row.readmission_eligible90);
  }
}
