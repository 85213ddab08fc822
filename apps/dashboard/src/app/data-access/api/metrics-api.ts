import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import {
  API_BASE_PATH,
  type BreakdownDimension,
  type BreakdownResponse,
  type DischargeReasonsResponse,
  type EpisodeMetric,
  type FlowResponse,
  type FunnelDimension,
  type FunnelMetric,
  type FunnelResponse,
  type SummaryResponse,
  type TrendInterval,
  type TrendResponse,
} from '@iop/contracts';
import { type FiltersSource, NO_FILTERS, toQueryParams } from './query-params';

/** The metric endpoints; relative, because the API serves the dashboard on the same origin. */
export const METRICS_PATHS = {
  summary: `${API_BASE_PATH}/metrics/summary`,
  trend: `${API_BASE_PATH}/metrics/trend`,
  breakdown: `${API_BASE_PATH}/metrics/breakdown`,
  funnel: `${API_BASE_PATH}/metrics/funnel`,
  flow: `${API_BASE_PATH}/metrics/flow`,
  dischargeReasons: `${API_BASE_PATH}/metrics/discharge-reasons`,
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
    return httpResource<SummaryResponse>(() => ({ url: METRICS_PATHS.summary, params: toQueryParams(filters()) }));
  }

  /** GET /api/v1/metrics/trend: the metric per month of admission. */
  trend(
    filters: FiltersSource,
    metric: () => EpisodeMetric,
    interval: () => TrendInterval = () => 'month',
  ): HttpResourceRef<TrendResponse | undefined> {
    return httpResource<TrendResponse>(() => ({
      url: METRICS_PATHS.trend,
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
      url: METRICS_PATHS.breakdown,
      params: toQueryParams({ ...filters(), metric: metric(), by: by() }),
    }));
  }

  /** GET /api/v1/metrics/funnel: each unit's rate against control limits around the network's rate. */
  funnel(
    filters: FiltersSource,
    metric: () => FunnelMetric,
    by: () => FunnelDimension,
  ): HttpResourceRef<FunnelResponse | undefined> {
    return httpResource<FunnelResponse>(() => ({
      url: METRICS_PATHS.funnel,
      params: toQueryParams({ ...filters(), metric: metric(), by: by() }),
    }));
  }

  /** GET /api/v1/metrics/flow: admissions and discharges per month. */
  flow(filters: FiltersSource): HttpResourceRef<FlowResponse | undefined> {
    return httpResource<FlowResponse>(() => ({ url: METRICS_PATHS.flow, params: toQueryParams(filters()) }));
  }

  /** GET /api/v1/metrics/discharge-reasons: the discharged episodes' shares per TEDS-D reason. */
  dischargeReasons(filters: FiltersSource): HttpResourceRef<DischargeReasonsResponse | undefined> {
    return httpResource<DischargeReasonsResponse>(() => ({
      url: METRICS_PATHS.dischargeReasons,
      params: toQueryParams(filters()),
    }));
  }
}
