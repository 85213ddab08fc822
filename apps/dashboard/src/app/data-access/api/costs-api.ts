import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_BASE_PATH, type CostSummaryResponse } from '@iop/contracts';
import { type FiltersSource, NO_FILTERS, toQueryParams } from './query-params';

export const COSTS_PATHS = {
  summary: `${API_BASE_PATH}/costs/summary`,
} as const;

/** GET /api/v1/costs/summary; call in an injection context, like every resource method. */
@Injectable({ providedIn: 'root' })
export class CostsApi {
  summary(filters: FiltersSource = NO_FILTERS): HttpResourceRef<CostSummaryResponse | undefined> {
    return httpResource<CostSummaryResponse>(() => ({ url: COSTS_PATHS.summary, params: toQueryParams(filters()) }));
  }
}
