import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import {
  API_BASE_PATH,
  type CreateReportRequest,
  type CreateReportScheduleRequest,
  type EpisodeFilters,
  type ReportJob,
  type ReportList,
  type ReportSchedule,
  type ReportScheduleList,
} from '@iop/contracts';
import { firstValueFrom, type Observable, timer } from 'rxjs';
import { toQueryString } from './query-params';

/** The report and export endpoints: PDF report jobs, their schedules, and the episode exports. */
export const REPORTS_PATHS = {
  reports: `${API_BASE_PATH}/reports`,
  schedules: `${API_BASE_PATH}/reports/schedules`,
  episodesCsv: `${API_BASE_PATH}/exports/episodes.csv`,
  episodesXlsx: `${API_BASE_PATH}/exports/episodes.xlsx`,
} as const;

export type EpisodeExportFormat = 'csv' | 'xlsx';

/** The episode export's address for these filters, for a plain download link (the cookie authenticates it). */
export function episodeExportUrl(format: EpisodeExportFormat, filters: EpisodeFilters): string {
  const path = format === 'csv' ? REPORTS_PATHS.episodesCsv : REPORTS_PATHS.episodesXlsx;
  return `${path}${toQueryString(filters)}`;
}

/**
 * What the page waits for between two looks at a running job. A token so that a test can say when the next
 * look happens instead of waiting a real second.
 */
export const REPORT_POLL_WAIT = new InjectionToken<() => Observable<unknown>>('report poll wait', {
  providedIn: 'root',
  factory: () => () => timer(1000),
});

/**
 * The report endpoints. Lists are resources (call them in an injection context); the rest are plain requests
 * whose promise rejects with the API's HttpErrorResponse.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** GET /reports: the caller's reports, newest first. */
  reports(): HttpResourceRef<ReportList | undefined> {
    return httpResource<ReportList>(() => REPORTS_PATHS.reports);
  }

  /** GET /reports/schedules. */
  schedules(): HttpResourceRef<ReportScheduleList | undefined> {
    return httpResource<ReportScheduleList>(() => REPORTS_PATHS.schedules);
  }

  /** POST /reports: queues a report; the answer is the queued job to follow with `job`. */
  generate(request: CreateReportRequest): Promise<ReportJob> {
    return firstValueFrom(this.http.post<ReportJob>(REPORTS_PATHS.reports, request));
  }

  /** GET /reports/:id: the job's progress now (an observable, so that leaving the page cancels the request). */
  job(id: string): Observable<ReportJob> {
    return this.http.get<ReportJob>(`${REPORTS_PATHS.reports}/${encodeURIComponent(id)}`);
  }

  createSchedule(request: CreateReportScheduleRequest): Promise<ReportSchedule> {
    return firstValueFrom(this.http.post<ReportSchedule>(REPORTS_PATHS.schedules, request));
  }

  async deleteSchedule(id: string): Promise<void> {
    await firstValueFrom(this.http.delete(`${REPORTS_PATHS.schedules}/${encodeURIComponent(id)}`));
  }
}
