import type { EpisodeFilters } from '@iop/contracts';
import type { AccessScope } from '../access/access-scope';

/** A WHERE fragment and its positional parameters, to be spliced into a query class's SQL. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * Which episodes a metric reads: the caller's scope first, then the filter, as a condition on the
 * episode_facts view aliased `f`; parameters are numbered from `firstParam`.
 */
export function episodeSelection(scope: AccessScope, filters: EpisodeFilters, firstParam = 1): SqlFragment {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };

  if (scope.programIds !== null) conditions.push(`f.program_id = ANY(${bind(scope.programIds)}::int[])`);
  if (scope.payer !== null) conditions.push(`f.payer = ${bind(scope.payer)}`);
  if (filters.from) conditions.push(`f.admit_date >= ${bind(filters.from)}::date`);
  if (filters.to) conditions.push(`f.admit_date <= ${bind(filters.to)}::date`);
  if (filters.programId?.length) conditions.push(`f.program_id = ANY(${bind(filters.programId)}::int[])`);
  if (filters.levelOfCare?.length) conditions.push(`f.level_of_care = ANY(${bind(filters.levelOfCare)}::text[])`);
  if (filters.payer?.length) conditions.push(`f.payer = ANY(${bind(filters.payer)}::text[])`);
  if (filters.substance?.length) conditions.push(`f.primary_substance = ANY(${bind(filters.substance)}::text[])`);
  if (filters.counselorId?.length) {
    conditions.push(`f.primary_counselor_id = ANY(${bind(filters.counselorId)}::int[])`);
  }
  if (filters.ageBand?.length) conditions.push(`f.age_band = ANY(${bind(filters.ageBand)}::text[])`);
  return { sql: conditions.length ? conditions.join(' AND ') : 'true', params };
}
