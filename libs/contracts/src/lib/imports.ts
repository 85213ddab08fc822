/**
 * A program's own data: imports of CSV files and FHIR R4 resources (docs/DATA-IMPORT.md), their progress and
 * outcome, and the quality and freshness of the loaded data.
 */

/** The tables an import writes, parents before children (the order of the merge). */
export const IMPORT_ENTITIES = [
  'programs',
  'staff',
  'patients',
  'episodes',
  'appointments',
  'drug_screens',
  'plan_goals',
  'assessments',
  'medication_dispenses',
  'mutual_help',
  'charges',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** merge: insert or update, delete nothing. snapshot: rows of the source system absent from the files are deleted. */
export const IMPORT_MODES = ['merge', 'snapshot'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** queued -> running -> succeeded (written, or previewed for a dry run) | rejected (bad rows; nothing written) | failed. */
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What an import is doing: reading and checking rows, checking references, writing, refreshing the facts. */
export const IMPORT_STAGES = ['reading', 'checking', 'writing', 'refreshing', 'done'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** A source system label: letters, digits, dot, dash, underscore; 1-64 characters, starting alphanumeric. */
export const SOURCE_SYSTEM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Rows per entity: read from the files, and what the merge did (or, for a dry run, would do) with them. */
export interface ImportEntityCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export type ImportCounts = Partial<Record<ImportEntity, ImportEntityCounts>>;

/** Running totals while an import works; bytes let a client draw a bar before the row count is known. */
export interface ImportProgress {
  rowsRead: number;
  rowsValidated: number;
  rowsLoaded: number;
  bytesRead: number;
  bytesTotal: number;
}

/** One file of an import, as uploaded or named on the command line. */
export interface ImportFileSummary {
  name: string;
  bytes: number;
  /** csv, ndjson (FHIR Bulk Data) or json (a FHIR Bundle or one resource). */
  format: 'csv' | 'ndjson' | 'json';
}

/** A rejected row: where (file and line, or FHIR resource id), which field, its value and why. */
export interface ImportRejection {
  file: string;
  line: number | null;
  resourceId: string | null;
  field: string | null;
  value: string | null;
  reason: string;
}

/** One import, dry runs included. */
export interface ImportJob {
  /** UUID. */
  id: string;
  organization: string;
  sourceSystem: string;
  mode: ImportMode;
  dryRun: boolean;
  via: 'cli' | 'upload';
  status: ImportStatus;
  stage: ImportStage | null;
  progress: ImportProgress;
  files: ImportFileSummary[];
  counts: ImportCounts;
  /** Unknown columns, skipped FHIR resource types, defaults applied: the import goes on. */
  warnings: string[];
  rejectedRows: number;
  /** The first rejections (at most 20); every one is in GET /api/v1/imports/:id/rejections.csv. */
  firstRejections: ImportRejection[];
  /** The data's as-of date the import set (or would set). */
  asOf: string | null;
  /** Why a failed import failed, in words; never a stack trace. */
  error: string | null;
  /** The dry run whose files this import wrote; null otherwise. */
  confirms: string | null;
  /** Whether the files of this dry run are still kept and can be confirmed. */
  confirmable: boolean;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Seconds from start to finish; null while not finished. */
  durationSeconds: number | null;
  /** GET path of the rejections CSV when there are any. */
  rejectionsPath: string | null;
}

/** GET /api/v1/imports: the organisation's imports, newest first. */
export interface ImportList {
  imports: ImportJob[];
  /** The largest file an upload accepts, in bytes, and how many files at once. */
  maxFileBytes: number;
  maxFiles: number;
}

/** Completeness of one optional field: the share of rows in which it is present. */
export interface FieldCompleteness {
  field: string;
  present: number;
  rows: number;
}

/** Data quality and timeliness of one table (the model: DHIS2's completeness and timeliness). */
export interface EntityQuality {
  entity: ImportEntity;
  rows: number;
  completeness: FieldCompleteness[];
  /** Values outside the expected range (stated in `checks`), per check. */
  outOfRange: Array<{ check: string; rows: number }>;
  /** Rows whose parent is missing, or children with nothing to attach to (e.g. an episode with no appointment). */
  orphans: Array<{ check: string; rows: number }>;
  /** The latest service date in the table (YYYY-MM-DD); null for tables without one or when empty. */
  latestServiceDate: string | null;
  /** Days from the latest service date to the last load; null when either is unknown. */
  lagDays: number | null;
}

/** GET /api/v1/data/quality */
export interface DataQualityReport {
  entities: EntityQuality[];
  status: DataStatus;
}

/** GET /api/v1/data/status: what the pages state beside "Data as of". Public to every signed-in role. */
export interface DataStatus {
  /** The data's end date; null before any load. */
  asOf: string | null;
  /** When data was last loaded (ISO instant); null before any load. */
  loadedAt: string | null;
  /** The source system of the last import, or "synthetic" for the generator. */
  source: string | null;
  /** True while the data is the generated demonstration network: every page says so. */
  synthetic: boolean;
}
