import type { EpisodeMetric, MetricValue, RateValue } from '@iop/contracts';
import { z } from 'zod';
import { pg } from '../database/pg-columns';
import type { AccessScope } from '../access/access-scope';
import { CELL_KEY_MODULUS, perturbedCount } from '../suppression/cell-key';
import { toRate } from './rate';

/** A column of the aggregates: a count of episodes (optionally filtered), a sum over episodes, or another aggregate. */
type AggregateColumn =
  | { name: string; counts: 'episodes'; where?: string }
  | { name: string; counts: 'sum'; of: string }
  | { name: string; counts: null; sql: string };

const episodesCounted = <N extends string>(name: N, where?: string) => ({ name, counts: 'episodes' as const, where });
const summed = <N extends string>(name: N, of: string) => ({ name, counts: 'sum' as const, of });
const other = <N extends string>(name: N, sql: string) => ({ name, counts: null, sql });

const AGGREGATE_COLUMNS = [
  episodesCounted('episodes'),
  episodesCounted('active', 'f.active'),
  summed('attended', 'f.attendance_numerator'),
  summed('no_show', 'f.no_show'),
  summed('attendance_denominator', 'f.attendance_denominator'),
  other('hours_mean', 'avg(f.attended_hours_per_week)'),
  other('hours_median', 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.attended_hours_per_week)'),
  episodesCounted('meets_intensity', 'f.meets_iop_intensity'),
  other('compliance_mean', 'avg(f.compliance_score)'),
  episodesCounted('compliance_scored', 'f.compliance_score IS NOT NULL'),
  episodesCounted('compliant', 'f.compliant'),
  episodesCounted('eligible30', 'f.as_of - f.admit_date >= 30'),
  episodesCounted('retained30', 'f.as_of - f.admit_date >= 30 AND f.length_of_stay_days >= 30'),
  episodesCounted('eligible60', 'f.as_of - f.admit_date >= 60'),
  episodesCounted('retained60', 'f.as_of - f.admit_date >= 60 AND f.length_of_stay_days >= 60'),
  episodesCounted('eligible90', 'f.as_of - f.admit_date >= 90'),
  episodesCounted('retained90', 'f.as_of - f.admit_date >= 90 AND f.length_of_stay_days >= 90'),
  episodesCounted('discharged', 'NOT f.active'),
  episodesCounted('completed', 'f.discharge_reason = 1'),
  episodesCounted('positive_conclusion', 'f.discharge_reason IN (1, 4)'),
  episodesCounted('dropped_out', 'f.discharge_reason IN (2, 3)'),
  other('los_median', 'percentile_cont(0.5) WITHIN GROUP (ORDER BY f.length_of_stay_days)'),
  summed('screens_negative', 'f.screens_negative'),
  summed('screens_expected', 'f.screens_expected'),
  episodesCounted('abstinence_eligible', 'NOT f.active AND f.screens_expected_final_28 > 0'),
  episodesCounted('abstinent', 'NOT f.active AND f.abstinent_final_4_weeks'),
  episodesCounted('readmission_eligible30', 'f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 30'),
  episodesCounted(
    'readmitted30',
    'f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 30 AND f.days_to_readmission <= 30',
  ),
  episodesCounted('readmission_eligible90', 'f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 90'),
  episodesCounted(
    'readmitted90',
    'f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 90 AND f.days_to_readmission <= 90',
  ),
] as const satisfies readonly AggregateColumn[];

function aggregateSql(column: AggregateColumn): string {
  switch (column.counts) {
    case 'episodes':
      return `count(*)${column.where ? ` FILTER (WHERE ${column.where})` : ''} AS ${column.name}`;
    case 'sum':
      return `coalesce(sum(${column.of}), 0) AS ${column.name}`;
    case null:
      return `${column.sql} AS ${column.name}`;
  }
}

/**
 * The sum of the counted records' keys modulo CELL_KEY_MODULUS (the cell key of suppression/cell-key.ts) of a
 * count column. A sum over episodes (appointments, screens) counts each episode's key once per unit it adds.
 */
function cellKeySql(column: AggregateColumn): string | null {
  switch (column.counts) {
    case 'episodes':
      return `(coalesce(sum(f.record_key)${column.where ? ` FILTER (WHERE ${column.where})` : ''}, 0) % ${CELL_KEY_MODULUS})::int AS ${column.name}_key`;
    case 'sum':
      return `(coalesce(sum(f.record_key::bigint * ${column.of}), 0) % ${CELL_KEY_MODULUS})::int AS ${column.name}_key`;
    case null:
      return null;
  }
}

/**
 * The aggregates of a set of episode facts `f`, in one SELECT list, so the summary, the trend and the breakdown
 * compute each metric with the same SQL. Every column is a count, a sum, a mean or a median of facts defined once in
 * the episode_facts table (readmission by its days_to_readmission, which the facts refresh computes).
 */
export const EPISODE_AGGREGATES_SQL = AGGREGATE_COLUMNS.map(aggregateSql).join(',\n  ');

/** The cell keys of every count of EPISODE_AGGREGATES_SQL, `<count>_key`, selected beside it for a payer's scope. */
export const EPISODE_CELL_KEYS_SQL = AGGREGATE_COLUMNS.map(cellKeySql)
  .filter((sql) => sql !== null)
  .join(',\n  ');

/** The aggregates' SELECT list for a scope: with the cell keys when its counts are perturbed. */
export const episodeAggregatesFor = (scope: AccessScope): string =>
  scope.smallCells === 'suppress' ? `${EPISODE_AGGREGATES_SQL},\n  ${EPISODE_CELL_KEYS_SQL}` : EPISODE_AGGREGATES_SQL;

/** A count or sum of EPISODE_AGGREGATES_SQL: the columns that have a cell key. */
export type CountColumnName = Extract<(typeof AGGREGATE_COLUMNS)[number], { counts: 'episodes' | 'sum' }>['name'];

/** The count columns, which perturbation adjusts. */
export const EPISODE_COUNT_COLUMNS = AGGREGATE_COLUMNS.flatMap<CountColumnName>((column) =>
  column.counts === null ? [] : [column.name],
);

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

/** The cell key of each count, present when the query selected EPISODE_CELL_KEYS_SQL (a payer's scope). */
const cellKeysSchema = z.object(
  Object.fromEntries(EPISODE_COUNT_COLUMNS.map((name) => [`${name}_key`, pg.int.optional()])) as Record<
    `${CountColumnName}_key`,
    z.ZodOptional<typeof pg.int>
  >,
);

export type EpisodeAggregates = z.output<typeof episodeAggregatesSchema>;
export type EpisodeCellKeys = z.output<typeof cellKeysSchema>;

/** The aggregates and, for a payer's scope, their cell keys, as the summary, trend and breakdown queries read them. */
export const keyedEpisodeAggregatesSchema = episodeAggregatesSchema.extend(cellKeysSchema.shape);
export type KeyedEpisodeAggregates = EpisodeAggregates & EpisodeCellKeys;

/**
 * Counts that are part of another count (the numerator of a rate and its denominator, a subset and its set),
 * outer sets first: a perturbed part is capped at its perturbed whole, so no rate passes 100%.
 */
const PARTS_OF_COUNTS: readonly (readonly [CountColumnName, CountColumnName])[] = [
  ['active', 'episodes'],
  ['discharged', 'episodes'],
  ['meets_intensity', 'episodes'],
  ['compliance_scored', 'episodes'],
  ['compliant', 'compliance_scored'],
  ['eligible30', 'episodes'],
  ['retained30', 'eligible30'],
  ['eligible60', 'episodes'],
  ['retained60', 'eligible60'],
  ['eligible90', 'episodes'],
  ['retained90', 'eligible90'],
  ['positive_conclusion', 'discharged'],
  ['completed', 'positive_conclusion'],
  ['dropped_out', 'discharged'],
  ['abstinence_eligible', 'discharged'],
  ['abstinent', 'abstinence_eligible'],
  ['readmission_eligible30', 'discharged'],
  ['readmitted30', 'readmission_eligible30'],
  ['readmission_eligible90', 'discharged'],
  ['readmitted90', 'readmission_eligible90'],
  ['attended', 'attendance_denominator'],
  ['no_show', 'attendance_denominator'],
  ['screens_negative', 'screens_expected'],
];

/**
 * The aggregates with every count perturbed by its cell key (suppression/cell-key.ts), each part capped at its
 * whole (PARTS_OF_COUNTS); means and medians as they are. Throws when a positive count has no key: the query ran
 * without EPISODE_CELL_KEYS_SQL.
 */
export function perturbEpisodeAggregates<T extends KeyedEpisodeAggregates>(row: T): T {
  const perturbed: T = { ...row };
  for (const name of EPISODE_COUNT_COLUMNS) {
    const key = row[`${name}_key`];
    if (key === undefined) {
      if (row[name] === 0) continue;
      throw new Error(`the count ${name} has no cell key: the query selected no EPISODE_CELL_KEYS_SQL`);
    }
    (perturbed as KeyedEpisodeAggregates)[name] = perturbedCount({ n: row[name], key });
  }
  for (const [part, whole] of PARTS_OF_COUNTS) {
    (perturbed as KeyedEpisodeAggregates)[part] = Math.min(perturbed[part], perturbed[whole]);
  }
  return perturbed;
}

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
