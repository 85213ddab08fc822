import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import {
  API_BASE_PATH,
  type EpisodeFilters,
  type QualityMeasureDetailResponse,
  type QualityMeasureId,
  type QualityMeasuresResponse,
  type QualityPatientsResponse,
  type QualityPopulation,
} from '@iop/contracts';
import { type FiltersSource, NO_FILTERS, toQueryParams, toQueryString } from './query-params';

/** The quality endpoints (docs/METRICS.md, "Quality measures"). */
export const QUALITY_PATHS = {
  measures: `${API_BASE_PATH}/quality/measures`,
  detail: (id: QualityMeasureId) => `${API_BASE_PATH}/quality/measures/${id}`,
  patients: (id: QualityMeasureId) => `${API_BASE_PATH}/quality/measures/${id}/patients`,
  patientsExport: (id: QualityMeasureId, format: QualityExportFormat) =>
    `${API_BASE_PATH}/quality/measures/${id}/patients.${format}`,
} as const;

export type QualityExportFormat = 'csv' | 'xlsx';

/** Which patient list to fetch: a measure and its numerator or denominator. */
export interface QualityPatientsRequest {
  measureId: QualityMeasureId;
  population: QualityPopulation;
}

/**
 * The patient list's export address for this measure, population and filters, for a plain download link (the
 * cookie authenticates it): the same query as the JSON list, lists repeating their parameter.
 */
export function qualityPatientsExportUrl(
  format: QualityExportFormat,
  request: QualityPatientsRequest,
  filters: EpisodeFilters,
): string {
  const query = toQueryString({ ...filters, population: request.population });
  return `${QUALITY_PATHS.patientsExport(request.measureId, format)}${query}`;
}

/**
 * GET /api/v1/quality/measures[/:id[/patients]]. Each method returns a resource, so call it in an injection
 * context; a getter that gives undefined sends no request (no measure chosen, no patient list opened).
 */
@Injectable({ providedIn: 'root' })
export class QualityApi {
  measures(filters: FiltersSource = NO_FILTERS): HttpResourceRef<QualityMeasuresResponse | undefined> {
    return httpResource<QualityMeasuresResponse>(() => ({
      url: QUALITY_PATHS.measures,
      params: toQueryParams(filters()),
    }));
  }

  detail(
    filters: FiltersSource,
    measureId: () => QualityMeasureId | undefined,
  ): HttpResourceRef<QualityMeasureDetailResponse | undefined> {
    return httpResource<QualityMeasureDetailResponse>(() => {
      const id = measureId();
      return id === undefined ? undefined : { url: QUALITY_PATHS.detail(id), params: toQueryParams(filters()) };
    });
  }

  /** Patient-level and audited on the server: ask only once the reader has opened the list. */
  patients(
    filters: FiltersSource,
    request: () => QualityPatientsRequest | undefined,
  ): HttpResourceRef<QualityPatientsResponse | undefined> {
    return httpResource<QualityPatientsResponse>(() => {
      const wanted = request();
      return wanted === undefined
        ? undefined
        : {
            url: QUALITY_PATHS.patients(wanted.measureId),
            params: toQueryParams({ ...filters(), population: wanted.population }),
          };
    });
  }
}
