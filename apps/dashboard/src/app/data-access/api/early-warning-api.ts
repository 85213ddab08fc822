import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import {
  API_BASE_PATH,
  type EarlyWarningDirection,
  type EarlyWarningResponse,
  type EarlyWarningSort,
  type EpisodeFilters,
} from '@iop/contracts';
import { type FiltersSource, toQueryParams, toQueryString } from './query-params';

/** The early-warning endpoints (docs/METRICS.md "Early warning"). */
export const EARLY_WARNING_PATHS = {
  list: `${API_BASE_PATH}/early-warning`,
  export: (format: 'csv' | 'xlsx') => `${API_BASE_PATH}/early-warning.${format}`,
} as const;

export interface EarlyWarningOrder {
  sort: EarlyWarningSort;
  direction: EarlyWarningDirection;
}

/** The list's export address for these filters and this order, for a plain download link (the cookie authenticates it). */
export function earlyWarningExportUrl(
  format: 'csv' | 'xlsx',
  filters: EpisodeFilters,
  order: EarlyWarningOrder,
): string {
  return `${EARLY_WARNING_PATHS.export(format)}${toQueryString({ ...filters, ...order })}`;
}

/** GET /api/v1/early-warning: patient-level and audited on the server, so it is asked for only on its page. */
@Injectable({ providedIn: 'root' })
export class EarlyWarningApi {
  list(filters: FiltersSource, order: () => EarlyWarningOrder): HttpResourceRef<EarlyWarningResponse | undefined> {
    return httpResource<EarlyWarningResponse>(() => ({
      url: EARLY_WARNING_PATHS.list,
      params: toQueryParams({ ...filters(), ...order() }),
    }));
  }
}
