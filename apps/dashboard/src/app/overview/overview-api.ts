import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_BASE_PATH, type DischargeReasonsResponse, type FlowResponse } from '@iop/contracts';
import { type FiltersSource, toQueryParams } from '../api/api-paths';

/** The two endpoints only the overview reads; kept here rather than in the shared API_PATHS. */
export const OVERVIEW_PATHS = {
  flow: `${API_BASE_PATH}/metrics/flow`,
  dischargeReasons: `${API_BASE_PATH}/metrics/discharge-reasons`,
} as const;

/** GET /api/v1/metrics/flow and /discharge-reasons; call in an injection context, like every resource method. */
@Injectable({ providedIn: 'root' })
export class OverviewApi {
  flow(filters: FiltersSource): HttpResourceRef<FlowResponse | undefined> {
    return httpResource<FlowResponse>(() => ({ url: OVERVIEW_PATHS.flow, params: toQueryParams(filters()) }));
  }

  dischargeReasons(filters: FiltersSource): HttpResourceRef<DischargeReasonsResponse | undefined> {
    return httpResource<DischargeReasonsResponse>(() => ({
      url: OVERVIEW_PATHS.dischargeReasons,
      params: toQueryParams(filters()),
    }));
  }
}
