import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_BASE_PATH, EpisodeFilters, SummaryResponse } from '@iop/contracts';

/** Where the metric endpoints live; relative, because the API serves the dashboard on the same origin. */
export const METRICS_PATHS = {
  summary: `${API_BASE_PATH}/metrics/summary`,
} as const;

type QueryParams = Record<string, string | readonly (string | number)[]>;

/**
 * The filter as query parameters: lists repeat their parameter (`payer=medicaid&payer=other`), and
 * unset or empty fields are left out, so that no filter means no query string at all.
 */
export function toQueryParams(filters: EpisodeFilters): QueryParams {
  const params: QueryParams = {};
  for (const [name, value] of Object.entries(filters) as [string, EpisodeFilters[keyof EpisodeFilters]][]) {
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '') {
      params[name] = value as QueryParams[string];
    }
  }
  return params;
}

/**
 * Typed access to the metric endpoints. Each method returns a resource, so it must be called in an
 * injection context (a field initializer of a component): the request then belongs to that component,
 * is cancelled when the component goes away, and is sent again when the filters signal changes.
 */
@Injectable({ providedIn: 'root' })
export class MetricsApi {
  /** GET /api/v1/metrics/summary. */
  summary(filters: () => EpisodeFilters = () => ({})): HttpResourceRef<SummaryResponse | undefined> {
    return httpResource<SummaryResponse>(() => ({
      url: METRICS_PATHS.summary,
      params: toQueryParams(filters()),
    }));
  }
}
