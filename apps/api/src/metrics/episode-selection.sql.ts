import type { EpisodeFilters } from '@iop/contracts';
import type { AccessScope } from '../access/access-scope';

/** A WHERE fragment and its positional parameters, to be spliced into a query class's SQL. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

// Age at admission in whole years from the birth year: the only age the pseudonymous data allows.
const AGE_BAND_BOUNDS: Record<string, [number, number]> = {
  '13-17': [13, 17],
  '18-25': [18, 25],
  '26-34': [26, 34],
  '35-44': [35, 44],
  '45-54': [45, 54],
  '55-64': [55, 64],
  '65+': [65, 200],
};

/**
 * Which episodes a metric reads: the caller's scope first, then the filter. `e` is the episodes alias and
 * `p` the patients alias; parameters are numbered from `firstParam`.
 */
export function episodeSelection(scope: AccessScope, filters: EpisodeFilters, firstParam = 1): SqlFragment {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };

  if (scope.programIds !== null) conditions.push(`e.program_id = ANY(${bind(scope.programIds)}::int[])`);
  if (scope.payer !== null) conditions.push(`e.payer = ${bind(scope.payer)}`);
  if (filters.from) conditions.push(`e.admit_date >= ${bind(filters.from)}::date`);
  if (filters.to) conditions.push(`e.admit_date <= ${bind(filters.to)}::date`);
  if (filters.programId?.length) conditions.push(`e.program_id = ANY(${bind(filters.programId)}::int[])`);
  if (filters.levelOfCare?.length) conditions.push(`e.level_of_care = ANY(${bind(filters.levelOfCare)}::text[])`);
  if (filters.payer?.length) conditions.push(`e.payer = ANY(${bind(filters.payer)}::text[])`);
  if (filters.substance?.length) conditions.push(`e.primary_substance = ANY(${bind(filters.substance)}::text[])`);
  if (filters.counselorId?.length) {
    conditions.push(`e.primary_counselor_id = ANY(${bind(filters.counselorId)}::int[])`);
  }
  if (filters.ageBand?.length) {
    const bands = filters.ageBand.map((band) => {
      const [low, high] = AGE_BAND_BOUNDS[band];
      return `(extract(year FROM e.admit_date)::int - p.birth_year) BETWEEN ${bind(low)}::int AND ${bind(high)}::int`;
    });
    conditions.push(`(${bands.join(' OR ')})`);
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'true', params };
}
