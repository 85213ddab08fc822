import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type {
  BreakdownDimension,
  BreakdownResponse,
  EpisodeMetric,
  SummaryResponse,
  TrendInterval,
  TrendResponse,
} from '@iop/contracts';
import { API_PATHS, type FiltersSource, NO_FILTERS, toQueryParams } from './api-paths';

export { toQueryParams } from './api-paths';

/** Kept for the callers and tests written before the paths moved to API_PATHS. */
export const METRICS_PATHS = {
  summary: API_PATHS.summary,
  trend: API_PATHS.trend,
  breakdown: API_PATHS.breakdown,
} as const;

/**
 * Typed access to the metric endpoints. Each method returns a resource, so it must be called in an
 * injection context (a field initializer of a component): the request then belongs to that component,
 * is cancelled when the component goes away, and is sent again when a signal it reads changes.
 */
@Injectable({ providedIn: 'root' })
export class MetricsApi {
  /** GET /api/v1/metrics/summary. */
  summary(filters: FiltersSource = NO_FILTERS): HttpResourceRef<SummaryResponse | undefined> {
    return httpResource<SummaryResponse>(() => ({ url: API_PATHS.summary, params: toQueryParams(filters()) }));
  }

  /** GET /api/v1/metrics/trend: the metric per month of admission. */
  trend(
    filters: FiltersSource,
    metric: () => EpisodeMetric,
    interval: () => TrendInterval = () => 'month',
  ): HttpResourceRef<TrendResponse | undefined> {
    return httpResource<TrendResponse>(() => ({
      url: API_PATHS.trend,
      params: toQueryParams({ ...filters(), metric: metric(), interval: interval() }),
    }));
  }

  /** GET /api/v1/metrics/breakdown: the metric per group of a dimension. */
  breakdown(
    filters: FiltersSource,
    metric: () => EpisodeMetric,
    by: () => BreakdownDimension,
  ): HttpResourceRef<BreakdownResponse | undefined> {
    return httpResource<BreakdownResponse>(() => ({
      url: API_PATHS.breakdown,
      params: toQueryParams({ ...filters(), metric: metric(), by: by() }),
    }));
  }
}
