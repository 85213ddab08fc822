import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_BASE_PATH, type RetentionGroupBy, type RetentionResponse } from '@iop/contracts';
import { type FiltersSource, NO_FILTERS, toQueryParams } from './query-params';

export const RETENTION_PATHS = {
  curves: `${API_BASE_PATH}/retention`,
} as const;

/** GET /api/v1/retention; call in an injection context, like every resource method. */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  curves(
    filters: FiltersSource = NO_FILTERS,
    groupBy: () => RetentionGroupBy = () => 'levelOfCare',
  ): HttpResourceRef<RetentionResponse | undefined> {
    return httpResource<RetentionResponse>(() => ({
      url: RETENTION_PATHS.curves,
      params: toQueryParams({ ...filters(), groupBy: groupBy() }),
    }));
  }
}
