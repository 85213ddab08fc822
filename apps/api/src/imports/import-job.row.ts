import {
  IMPORT_ENTITIES,
  IMPORT_MODES,
  IMPORT_STAGES,
  IMPORT_STATUSES,
  type ImportFileSummary,
  type ImportJob,
} from '@iop/contracts';
import { z } from 'zod';
import { pg } from '../database/pg-columns';

/** How long a succeeded dry run's files are kept for its confirmation. */
export const DRY_RUN_KEPT_HOURS = 24;

/** The first rejections an ImportJob carries; every one is in the CSV. */
export const FIRST_REJECTIONS = 20;

/**
 * Whether the row of dry run `i` still allows a confirmation: an uploaded dry run that succeeded less than
 * DRY_RUN_KEPT_HOURS ago and that no import confirms already (queued, running or succeeded; a rejected or
 * failed confirmation wrote nothing, so it may be tried again). Whether its files are still on disk is the
 * other half (ImportFolders.holds).
 */
export const CONFIRMABLE_BY_ROW = `
  (i.dry_run AND i.via = 'upload' AND i.status = 'succeeded'
   AND i.created_at > now() - interval '${DRY_RUN_KEPT_HOURS} hours'
   AND NOT EXISTS (SELECT 1 FROM imports c WHERE c.confirms = i.id AND c.status IN ('queued', 'running', 'succeeded')))`;

/** The columns of an ImportJob, from imports i LEFT JOIN users u (the requester). */
export const IMPORT_JOB_COLUMNS = `
  i.id, i.organization_name AS organization, i.source_system AS "sourceSystem", i.mode, i.dry_run AS "dryRun",
  i.via, i.status, i.stage, i.progress, i.files, i.counts, i.warnings, i.rejected_rows AS "rejectedRows",
  coalesce((
    SELECT jsonb_agg(jsonb_build_object('file', r.file, 'line', r.line, 'resourceId', r.resource_id,
                                        'field', r.field, 'value', r.value, 'reason', r.reason) ORDER BY r.ordinal)
    FROM (SELECT * FROM import_rejections WHERE import_id = i.id ORDER BY ordinal LIMIT ${FIRST_REJECTIONS}) r
  ), '[]'::jsonb) AS "firstRejections",
  to_char(i.as_of, 'YYYY-MM-DD') AS "asOf", i.error, i.confirms, ${CONFIRMABLE_BY_ROW} AS "confirmableByRow",
  u.email AS "requestedBy", i.created_at AS "createdAt", i.started_at AS "startedAt", i.finished_at AS "finishedAt",
  round(extract(epoch FROM i.finished_at - i.started_at), 1)::float8 AS "durationSeconds"`;

const count = z.number().int().nonnegative();

const entityCounts = z.object({ read: count, inserted: count, updated: count, unchanged: count, deleted: count });

/** The progress column is '{}' until the import reports any. */
const progress = z.object({
  rowsRead: count.default(0),
  rowsValidated: count.default(0),
  rowsLoaded: count.default(0),
  bytesRead: count.default(0),
  bytesTotal: count.default(0),
});

export const importFileSummary = z.object({
  name: z.string(),
  bytes: count,
  format: z.enum(['csv', 'ndjson', 'json']),
}) satisfies z.ZodType<ImportFileSummary>;

const rejection = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  resourceId: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});

/** IMPORT_JOB_COLUMNS as node-postgres returns them; the jsonb columns arrive parsed, the timestamps as Dates. */
export const importJobRow = z.object({
  id: pg.uuid,
  organization: pg.text,
  sourceSystem: pg.text,
  mode: z.enum(IMPORT_MODES),
  dryRun: pg.bool,
  via: z.enum(['cli', 'upload']),
  status: z.enum(IMPORT_STATUSES),
  stage: z.enum(IMPORT_STAGES).nullable(),
  progress,
  files: z.array(importFileSummary),
  counts: z.partialRecord(z.enum(IMPORT_ENTITIES), entityCounts),
  warnings: z.array(z.string()),
  rejectedRows: pg.int,
  firstRejections: z.array(rejection),
  asOf: pg.isoDate.nullable(),
  error: pg.text.nullable(),
  confirms: pg.uuid.nullable(),
  confirmableByRow: pg.bool,
  requestedBy: pg.text.nullable(),
  createdAt: pg.isoTimestamp,
  startedAt: pg.isoTimestamp.nullable(),
  finishedAt: pg.isoTimestamp.nullable(),
  durationSeconds: pg.float8.nullable(),
});

export type ImportJobRow = z.output<typeof importJobRow>;

/** The answer for a row, once the folder of its files has been looked at. */
export function importJobOf(row: ImportJobRow, filesKept: boolean): ImportJob {
  const { confirmableByRow, ...job } = row;
  return {
    ...job,
    confirmable: confirmableByRow && filesKept,
    rejectionsPath: row.rejectedRows > 0 ? `/api/v1/imports/${row.id}/rejections.csv` : null,
  };
}

/** One rejection as the CSV lists it, in the order of the file. */
export const rejectionCsvRow = z.object({
  ordinal: pg.int,
  file: pg.text,
  line: pg.int.nullable(),
  resource_id: pg.text.nullable(),
  field: pg.text.nullable(),
  value: pg.text.nullable(),
  reason: pg.text,
});

export type RejectionCsvRow = z.output<typeof rejectionCsvRow>;

/** What the job runner needs of an import's row. */
export const importWorkRow = z.object({
  id: pg.uuid,
  organization: pg.text,
  sourceSystem: pg.text,
  mode: z.enum(IMPORT_MODES),
  dryRun: pg.bool,
  status: z.enum(IMPORT_STATUSES),
  files: z.array(importFileSummary),
  requestedBy: pg.int.nullable(),
  confirms: pg.uuid.nullable(),
});

export type ImportWork = z.output<typeof importWorkRow>;
