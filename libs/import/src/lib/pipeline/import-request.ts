import type {
  ImportCounts,
  ImportMode,
  ImportProgress,
  ImportRejection,
  ImportStage,
  ImportStatus,
} from '@iop/contracts';
import type { ImportFile } from '../source-record';

/** What to import, where, and how (docs/DATA-IMPORT.md). */
export interface ImportRequest {
  /** The organisation's name; created when new (not by a dry run). */
  organization: string;
  /** The source system label (SOURCE_SYSTEM_PATTERN): every row's identity is (organisation, source system, source id). */
  sourceSystem: string;
  mode: ImportMode;
  /** Validate and count what would be inserted, updated and deleted; write nothing but the import's record. */
  dryRun: boolean;
  files: ImportFile[];
  /** The data's as-of date (YYYY-MM-DD); default: the latest service date imported. */
  asOf?: string;
  /** The key of the keyed hash that turns a source patient id into patient_key (never stored in the database). */
  patientKeySecret: string;
  /** The time zone of a FHIR program without a time-zone extension (IANA); default America/New_York. */
  defaultTimezone?: string;
  via: 'cli' | 'upload';
  /** users.id of who asked; null for the command line. */
  requestedBy?: number | null;
  /** An imports row created beforehand (queued by the API); else runImport creates one. */
  importId?: string;
  /** The dry run whose files this import writes. */
  confirms?: string | null;
  /** Called as the import advances, at most a few times a second. */
  onProgress?: (update: ImportProgressUpdate) => void;
}

export interface ImportProgressUpdate {
  stage: ImportStage;
  progress: ImportProgress;
}

/** How an import ended. A rejected or failed import wrote nothing but its own record and rejections. */
export interface ImportOutcome {
  importId: string;
  status: Extract<ImportStatus, 'succeeded' | 'rejected' | 'failed'>;
  dryRun: boolean;
  counts: ImportCounts;
  rejectedRows: number;
  /** The first rejections (up to 100); every one is in import_rejections (up to REJECTIONS_KEPT). */
  rejections: ImportRejection[];
  warnings: string[];
  asOf: string | null;
  /** For a failed import: why, in words. */
  error: string | null;
  seconds: number;
}

/** Rejections kept per import in import_rejections; more are counted but not listed. */
export const REJECTIONS_KEPT = 100_000;
