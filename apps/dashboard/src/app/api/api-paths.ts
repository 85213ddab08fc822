import { API_BASE_PATH, type EpisodeFilters } from '@iop/contracts';

/** Where the endpoints live; relative, because the API serves the dashboard on the same origin. */
export const API_PATHS = {
  summary: `${API_BASE_PATH}/metrics/summary`,
  trend: `${API_BASE_PATH}/metrics/trend`,
  breakdown: `${API_BASE_PATH}/metrics/breakdown`,
  retention: `${API_BASE_PATH}/retention`,
  costSummary: `${API_BASE_PATH}/costs/summary`,
  evidence: `${API_BASE_PATH}/evidence`,
  filterOptions: `${API_BASE_PATH}/filters/options`,
} as const;

/** A filter as a signal-like getter; the resource is sent again whenever it changes. */
export type FiltersSource = () => EpisodeFilters;

export const NO_FILTERS: FiltersSource = () => ({});

type QueryParams = Record<string, string | readonly (string | number)[]>;

/**
 * The filter as query parameters: lists repeat their parameter (`payer=medicaid&payer=other`), and
 * unset or empty fields are left out, so that no filter means no query string at all.
 */
export function toQueryParams(filters: object): QueryParams {
  const params: QueryParams = {};
  for (const [name, value] of Object.entries(filters) as [string, unknown][]) {
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== '') {
      params[name] = Array.isArray(value) ? (value as (string | number)[]) : String(value);
    }
  }
  return params;
}
