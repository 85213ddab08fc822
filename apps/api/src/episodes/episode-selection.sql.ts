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
  // A payer's window is widened to whole months: two windows a day apart would otherwise differ by the few
  // episodes admitted that day (docs/SECURITY.md "Differencing").
  const wholeMonths = scope.smallCells === 'suppress';
  if (filters.from) {
    const from = `${bind(filters.from)}::date`;
    conditions.push(`f.admit_date >= ${wholeMonths ? `date_trunc('month', ${from})::date` : from}`);
  }
  if (filters.to) {
    const to = `${bind(filters.to)}::date`;
    conditions.push(
      `f.admit_date <= ${wholeMonths ? `(date_trunc('month', ${to}) + interval '1 month - 1 day')::date` : to}`,
    );
  }
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
