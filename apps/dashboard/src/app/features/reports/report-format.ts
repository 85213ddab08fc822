import type {
  EpisodeFilters,
  FilterOptionsResponse,
  ReportCadence,
  ReportJob,
  ReportKind,
  ReportSchedule,
  ReportStatus,
  UserRole,
} from '@iop/contracts';
import { requestFailureOf } from '../../data-access/api/request-failure';
import { filterChips } from '../../ui/formats/filter-chips';
import { DISPLAY_LOCALE, formatCount } from '../../ui/formats/number-format';

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  outcomes: 'Monthly outcomes report',
  payer: 'Payer report',
};

export const REPORT_KIND_DESCRIPTIONS: Record<ReportKind, string> = {
  outcomes:
    'Overview KPIs with their intervals, retention curves, the evidence board, the quality measures and the ' +
    'definitions.',
  payer: 'Cost-effectiveness first; small cells suppressed and no patient-level detail.',
};

export const REPORT_CADENCE_LABELS: Record<ReportCadence, string> = {
  weekly: 'Weekly (Mondays, 06:00 UTC)',
  monthly: 'Monthly (the 1st, 06:00 UTC)',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Ready',
  failed: 'Failed',
};

/** The kinds a role may ask for; the API refuses a payer anything but the payer variant. */
export function reportKindsFor(role: UserRole | undefined): ReportKind[] {
  return role === 'payer' ? ['payer'] : ['outcomes', 'payer'];
}

/** Whether the role may download the patient-level episode exports (payers see aggregates only). */
export function mayExportEpisodes(role: UserRole | undefined): boolean {
  return role === 'director' || role === 'quality' || role === 'admin';
}

/** The filter in words, as a report's cover will state it; program and counselor names from the options. */
export function describeFilters(filters: EpisodeFilters, options: FilterOptionsResponse | undefined): string {
  const chips = filterChips(filters, options);
  return chips.length ? chips.map((chip) => chip.label).join('; ') : 'All episodes you may see (no filters)';
}

const TIME_FORMAT = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** An ISO instant in UTC, like the schedules' run times: "Mar 2, 2026, 6:00 AM UTC"; '—' when none. */
export function formatReportTime(iso: string | null): string {
  return iso ? `${TIME_FORMAT.format(new Date(iso))} UTC` : '—';
}

const KILOBYTES = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'unit',
  unit: 'kilobyte',
  maximumFractionDigits: 1,
});
const MEGABYTES = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'unit',
  unit: 'megabyte',
  maximumFractionDigits: 1,
});

/** A file size in decimal units: 48_213 -> "48.2 kB", 2_400_000 -> "2.4 MB"; '—' when unknown. */
export function formatFileSize(bytes: number | null): string {
  if (bytes === null) return '—';
  return bytes >= 1_000_000 ? MEGABYTES.format(bytes / 1_000_000) : KILOBYTES.format(bytes / 1000);
}

const attemptsText = (attempts: number) => `${formatCount(attempts)} attempt${attempts === 1 ? '' : 's'}`;

/** What the job is doing, for the live status line under the progress bar. */
export function jobStatusText(job: ReportJob): string {
  switch (job.status) {
    case 'queued':
      return job.attempts > 0 && job.error
        ? `Waiting to retry after ${attemptsText(job.attempts)}: ${job.error}`
        : 'Queued: waiting for the report worker…';
    case 'running':
      return `${job.stage ?? 'Working'}… ${job.progress}%`;
    case 'succeeded':
      return `Done: ${formatCount(job.pageCount ?? 0)} pages, ${formatFileSize(job.sizeBytes)}.`;
    case 'failed':
      return `Failed after ${attemptsText(job.attempts)}: ${job.error ?? 'no reason given'}`;
  }
}

/** The history's status cell: the status, and a failure's reason beside it. */
export function historyStatusText(job: ReportJob): string {
  const label = REPORT_STATUS_LABELS[job.status];
  return job.status === 'failed' && job.error ? `${label}: ${job.error}` : label;
}

export function isFinished(job: ReportJob): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** A schedule's last run with the status of the report it produced: "Mar 2, 2026, 6:00 AM UTC (Failed)". */
export function lastRunText(schedule: ReportSchedule): string {
  if (!schedule.lastRunAt) return 'Not run yet';
  const status = schedule.lastStatus ? ` (${REPORT_STATUS_LABELS[schedule.lastStatus]})` : '';
  return `${formatReportTime(schedule.lastRunAt)}${status}`;
}

export function deliveryText(delivery: string): string {
  return delivery === 'download' ? 'Kept for download here' : delivery;
}

/** The API's own words for a refused request (they name the field), or a plain fallback. */
export function requestProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (!failure) return 'Something went wrong; try again in a moment.';
  if (failure.message !== null) return failure.message;
  if (failure.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return `The API answered ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}.`;
}
