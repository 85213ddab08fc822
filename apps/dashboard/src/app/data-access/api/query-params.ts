import type { EpisodeFilters } from '@iop/contracts';

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

/** The same parameters as a query string for a plain download link: "?payer=medicaid&payer=other", or ''. */
export function toQueryString(filters: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(toQueryParams(filters))) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
