import {
  IMPORT_ENTITIES,
  type ImportCounts,
  type ImportEntity,
  type ImportEntityCounts,
  type ImportJob,
  type ImportMode,
  type ImportProgress,
  type ImportRejection,
  type ImportStage,
  type ImportStatus,
} from '@iop/contracts';
import { requestFailureOf } from '../../data-access/api/request-failure';
import { formatCount } from '../../ui/formats/number-format';
import { formatBytes } from '../../ui/formats/time-format';

export const ENTITY_LABELS: Readonly<Record<ImportEntity, string>> = {
  programs: 'Programs',
  staff: 'Staff',
  patients: 'Patients',
  episodes: 'Episodes',
  appointments: 'Appointments',
  drug_screens: 'Drug screens',
  plan_goals: 'Plan goals',
  assessments: 'Assessments',
  medication_dispenses: 'Medication dispenses',
  mutual_help: 'Mutual help',
  charges: 'Charges',
};

export const MODE_LABELS: Readonly<Record<ImportMode, string>> = { merge: 'Merge', snapshot: 'Snapshot' };

export const MODE_DESCRIPTIONS: Readonly<Record<ImportMode, string>> = {
  merge: 'Inserts new rows and updates changed ones; deletes nothing.',
  snapshot: 'The files are the whole truth for this source: its rows missing from them are deleted.',
};

export const STATUS_LABELS: Readonly<Record<ImportStatus, string>> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  rejected: 'Rejected',
  failed: 'Failed',
};

export const STAGE_LABELS: Readonly<Record<ImportStage, string>> = {
  reading: 'Reading the files',
  checking: 'Checking references',
  writing: 'Writing the rows',
  refreshing: 'Refreshing the episode facts',
  done: 'Finishing',
};

const rows = (count: number) => `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`;

export function isFinished(job: ImportJob): boolean {
  return job.status === 'succeeded' || job.status === 'rejected' || job.status === 'failed';
}

/** A checked dry run whose files are still kept: the page offers to import it. */
export function isConfirmable(job: ImportJob): boolean {
  return job.dryRun && job.status === 'succeeded' && job.confirmable;
}

/** The bar under a running import: bytes while the files are read, rows while they are written. */
export interface ProgressBarState {
  mode: 'determinate' | 'indeterminate';
  /** 0-100; 0 for an indeterminate bar. */
  value: number;
}

const percentOf = (done: number, total: number) => Math.min(100, Math.round((done / total) * 100));

export function progressBarOf(job: ImportJob): ProgressBarState {
  if (isFinished(job)) return { mode: 'determinate', value: 100 };
  const { bytesRead, bytesTotal, rowsLoaded, rowsValidated } = job.progress;
  if (job.stage === 'reading' && bytesTotal > 0)
    return { mode: 'determinate', value: percentOf(bytesRead, bytesTotal) };
  if (job.stage === 'writing' && rowsValidated > 0) {
    return { mode: 'determinate', value: percentOf(rowsLoaded, rowsValidated) };
  }
  // Queued, checking references or refreshing the facts: nothing to measure the way by.
  return { mode: 'indeterminate', value: 0 };
}

/** "1,200 rows read, 1,180 validated, 0 loaded". */
export function progressCountsText(progress: ImportProgress): string {
  return `${rows(progress.rowsRead)} read, ${formatCount(progress.rowsValidated)} validated, ${formatCount(progress.rowsLoaded)} loaded`;
}

/** The sums over the entities of an import's counts. */
export function countTotals(counts: ImportCounts): ImportEntityCounts {
  const totals: ImportEntityCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  for (const entity of IMPORT_ENTITIES) {
    const entityCounts = counts[entity];
    if (!entityCounts) continue;
    totals.read += entityCounts.read;
    totals.inserted += entityCounts.inserted;
    totals.updated += entityCounts.updated;
    totals.unchanged += entityCounts.unchanged;
    totals.deleted += entityCounts.deleted;
  }
  return totals;
}

export interface EntityCountRow extends ImportEntityCounts {
  entity: ImportEntity;
  label: string;
}

/** One row per entity the import touched, parents first (the order of the merge). */
export function entityCountRows(counts: ImportCounts): EntityCountRow[] {
  return IMPORT_ENTITIES.flatMap((entity) => {
    const entityCounts = counts[entity];
    return entityCounts ? [{ entity, label: ENTITY_LABELS[entity], ...entityCounts }] : [];
  });
}

/** What the import is doing or how it ended, for the live status line. */
export function jobStatusText(job: ImportJob): string {
  const totals = countTotals(job.counts);
  switch (job.status) {
    case 'queued':
      return 'Queued: waiting for the import worker…';
    case 'running':
      return `${job.stage ? STAGE_LABELS[job.stage] : 'Working'}…`;
    case 'succeeded':
      return job.dryRun
        ? `Checked ${rows(totals.read)}: nothing has been written yet. The preview shows what the import would do.`
        : `Imported: ${rows(totals.inserted)} inserted, ${formatCount(totals.updated)} updated, ` +
            `${formatCount(totals.deleted)} deleted.`;
    case 'rejected':
      return `Rejected: ${rows(job.rejectedRows)} cannot be imported, so nothing was written. Correct them and check again.`;
    case 'failed':
      return `Failed: ${job.error ?? 'no reason given'}. Nothing was written.`;
  }
}

/** The confirm button: it says how many rows a snapshot would delete. */
export function confirmLabel(job: ImportJob): string {
  const deleted = countTotals(job.counts).deleted;
  return job.mode === 'snapshot' && deleted > 0 ? `Import now and delete ${rows(deleted)}` : 'Import now';
}

/** Where a rejected row is: "line 14" of a CSV file, or the FHIR resource's id. */
export function rejectionPlace(rejection: ImportRejection): string {
  if (rejection.line !== null) return `line ${formatCount(rejection.line)}`;
  return rejection.resourceId ?? '—';
}

/** The file names the import contract accepts: a table's CSV file, FHIR NDJSON or JSON. */
const CSV_FILE_NAMES = new Set(IMPORT_ENTITIES.map((entity) => `${entity}.csv`));
const FHIR_FILE = /\.(ndjson|json)$/i;

export function isContractFileName(name: string): boolean {
  return CSV_FILE_NAMES.has(name) || FHIR_FILE.test(name);
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** Why the chosen files cannot be sent, one sentence each; none when they can. */
export function fileProblems(files: readonly File[], limits: UploadLimits | null): string[] {
  const problems = files
    .filter((file) => !isContractFileName(file.name))
    .map(
      (file) =>
        `${file.name}: not a file the import reads. CSV files are named after their table (programs.csv, ` +
        'staff.csv, …); FHIR files end in .ndjson or .json.',
    );
  if (!limits) return problems;
  for (const file of files) {
    if (file.size > limits.maxFileBytes) {
      problems.push(`${file.name} is larger than the limit of ${formatBytes(limits.maxFileBytes)} per file.`);
    }
  }
  if (files.length > limits.maxFiles) {
    problems.push(
      `${formatCount(files.length)} files chosen; one import takes at most ${formatCount(limits.maxFiles)}.`,
    );
  }
  return problems;
}

/** The API's own words for a refused request (413 names the limit, 400 the file), or a plain fallback. */
export function requestProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (!failure) return 'Something went wrong; try again in a moment.';
  if (failure.message !== null) return failure.message;
  if (failure.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return `The API answered ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}.`;
}
