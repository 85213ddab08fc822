import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import {
  API_BASE_PATH,
  type AttendanceHeatmapResponse,
  type ComplianceResponse,
  type HoursHistogramResponse,
  type NoShowsResponse,
} from '@iop/contracts';
import { type FiltersSource, NO_FILTERS, toQueryParams } from './query-params';

/** The attendance endpoints, one per panel of the attendance page. */
export const ATTENDANCE_PATHS = {
  heatmap: `${API_BASE_PATH}/attendance/heatmap`,
  compliance: `${API_BASE_PATH}/attendance/compliance`,
  hours: `${API_BASE_PATH}/attendance/hours`,
  noShows: `${API_BASE_PATH}/attendance/no-shows`,
} as const;

/**
 * Typed access to GET /api/v1/attendance/*. Each method returns a resource, so call it in an injection
 * context (a field initializer of a component); it is sent again whenever the filter changes.
 */
@Injectable({ providedIn: 'root' })
export class AttendanceApi {
  heatmap(filters: FiltersSource = NO_FILTERS): HttpResourceRef<AttendanceHeatmapResponse | undefined> {
    return httpResource<AttendanceHeatmapResponse>(() => ({
      url: ATTENDANCE_PATHS.heatmap,
      params: toQueryParams(filters()),
    }));
  }

  compliance(filters: FiltersSource = NO_FILTERS): HttpResourceRef<ComplianceResponse | undefined> {
    return httpResource<ComplianceResponse>(() => ({
      url: ATTENDANCE_PATHS.compliance,
      params: toQueryParams(filters()),
    }));
  }

  hours(filters: FiltersSource = NO_FILTERS): HttpResourceRef<HoursHistogramResponse | undefined> {
    return httpResource<HoursHistogramResponse>(() => ({
      url: ATTENDANCE_PATHS.hours,
      params: toQueryParams(filters()),
    }));
  }

  noShows(filters: FiltersSource = NO_FILTERS): HttpResourceRef<NoShowsResponse | undefined> {
    return httpResource<NoShowsResponse>(() => ({ url: ATTENDANCE_PATHS.noShows, params: toQueryParams(filters()) }));
  }
}
