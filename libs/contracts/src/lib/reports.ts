import type { EpisodeFilters } from './filters';

/**
 * PDF reports (docs/ARCHITECTURE.md, Job queue). 'outcomes' is the monthly outcomes report (KPIs, retention, evidence board,
 * quality measures, definitions); 'payer' puts cost-effectiveness first and is suppressed and de-identified.
 * A payer can only ever get the payer variant; the API refuses 'outcomes' for them.
 */
export const REPORT_KINDS = ['outcomes', 'payer'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** queued -> running -> succeeded | failed; a failed attempt that will be retried goes back to queued. */
export const REPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** POST /api/v1/reports body: generate a report now, as a background job. */
export interface CreateReportRequest {
  kind: ReportKind;
  /** The episode filters of the report (the same as every metric endpoint's); the caller's scope narrows them. */
  filters?: EpisodeFilters;
}

/** One report: a job's state while it runs, and the stored file's facts once it succeeded. */
export interface ReportJob {
  /** UUID. */
  id: string;
  kind: ReportKind;
  status: ReportStatus;
  /** 0-100. */
  progress: number;
  /** What the job is doing now ("Retention curves"), or what it did last. */
  stage: string | null;
  filters: EpisodeFilters;
  /** Human-readable reporting period, e.g. "1 Jan 2025 - 31 Oct 2026"; null until the job computed it. */
  period: string | null;
  /** Attempts made so far (a failed attempt is retried up to the limit). */
  attempts: number;
  /** The last failure's message (never a stack trace); null when none. */
  error: string | null;
  /** The schedule that produced it; null when generated on demand. */
  scheduleId: string | null;
  requestedBy: string;
  /** ISO timestamps. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Set once succeeded. */
  pageCount: number | null;
  sizeBytes: number | null;
  /** GET path of the PDF once succeeded ("/api/v1/reports/<id>/file"); null before. */
  downloadPath: string | null;
}

/** GET /api/v1/reports: the caller's reports, newest first (an admin sees everyone's). */
export interface ReportList {
  reports: ReportJob[];
}

/** POST /api/v1/reports/schedules body. */
export interface CreateReportScheduleRequest {
  kind: ReportKind;
  cadence: ReportCadence;
  filters?: EpisodeFilters;
}

/** A report produced on a cadence: weekly on Mondays, monthly on the 1st, at 06:00 UTC. */
export interface ReportSchedule {
  id: string;
  kind: ReportKind;
  cadence: ReportCadence;
  filters: EpisodeFilters;
  /** How the finished report is delivered; 'download' (kept for download on the Reports page) is the default. */
  delivery: string;
  owner: string;
  createdAt: string;
  /** ISO timestamp of the next run. */
  nextRunAt: string;
  lastRunAt: string | null;
  /** The status of the last report it produced, so a failing schedule shows. */
  lastStatus: ReportStatus | null;
}

export interface ReportScheduleList {
  schedules: ReportSchedule[];
}
