import type { Params } from '@angular/router';
import { AGE_BANDS, type EpisodeFilters, LEVELS_OF_CARE, PAYERS, SUBSTANCES } from '@iop/contracts';

/** The query parameters the filter owns; every other parameter of the URL (groupBy, say) belongs to the page. */
export const FILTER_PARAM_NAMES = [
  'from',
  'to',
  'programId',
  'levelOfCare',
  'payer',
  'substance',
  'ageBand',
  'counselorId',
] as const satisfies readonly (keyof EpisodeFilters)[];

/** The part of a ParamMap the parser needs, so that plain objects serve in tests. */
export interface QueryParamSource {
  get(name: string): string | null;
  getAll(name: string): string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The API's id bound (a PostgreSQL integer); larger ids would be a 400 there. */
const MAX_ID = 2_147_483_647;

/** A real calendar day in ISO form; "2025-02-30" is not one, although it matches the pattern. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function uniqueValid<T extends string>(values: string[], vocabulary: readonly T[]): T[] {
  return [...new Set(values)].filter((value): value is T => (vocabulary as readonly string[]).includes(value));
}

function uniqueIds(values: string[]): number[] {
  const ids = values.filter((value) => /^\d{1,10}$/.test(value)).map(Number);
  return [...new Set(ids)].filter((id) => id >= 1 && id <= MAX_ID);
}

/**
 * The filter a URL asks for. Invalid values are dropped rather than reported: a hand-edited or stale link then
 * still opens, filtered by what it got right, instead of making every request on the page a 400.
 */
export function parseFilters(params: QueryParamSource): EpisodeFilters {
  const filters: EpisodeFilters = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && isIsoDate(from)) filters.from = from;
  if (to !== null && isIsoDate(to)) filters.to = to;
  const lists: Pick<EpisodeFilters, (typeof FILTER_PARAM_NAMES)[number] & keyof EpisodeFilters> = {
    programId: uniqueIds(params.getAll('programId')),
    levelOfCare: uniqueValid(params.getAll('levelOfCare'), LEVELS_OF_CARE),
    payer: uniqueValid(params.getAll('payer'), PAYERS),
    substance: uniqueValid(params.getAll('substance'), SUBSTANCES),
    ageBand: uniqueValid(params.getAll('ageBand'), AGE_BANDS),
    counselorId: uniqueIds(params.getAll('counselorId')),
  };
  for (const [name, values] of Object.entries(lists) as [keyof EpisodeFilters, unknown[]][]) {
    if (values.length > 0) (filters as Record<string, unknown>)[name] = values;
  }
  return filters;
}

/**
 * The filter as router query parameters, with null for every unset filter parameter: navigating with
 * queryParamsHandling 'merge' then removes those from the URL while keeping the page's own parameters.
 */
export function toFilterQueryParams(filters: EpisodeFilters): Params {
  const params: Params = {};
  for (const name of FILTER_PARAM_NAMES) {
    const value = filters[name];
    if (Array.isArray(value)) {
      params[name] = value.length > 0 ? value.map(String) : null;
    } else {
      params[name] = value ? value : null;
    }
  }
  return params;
}

/** Whether two filters select the same episodes; used so that an unrelated URL change does not refetch. */
export function sameFilters(a: EpisodeFilters, b: EpisodeFilters): boolean {
  return JSON.stringify(toFilterQueryParams(a)) === JSON.stringify(toFilterQueryParams(b));
}

/** How many filter values are set (a date counts once per end); shown on the collapsed filter bar. */
export function countActiveFilters(filters: EpisodeFilters): number {
  return FILTER_PARAM_NAMES.reduce((count, name) => {
    const value = filters[name];
    return count + (Array.isArray(value) ? value.length : value ? 1 : 0);
  }, 0);
}
