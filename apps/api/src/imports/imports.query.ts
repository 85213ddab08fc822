import { IMPORT_MODES, type ImportFileSummary, type ImportMode } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { parseOneRow, parseOptionalRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import {
  CONFIRMABLE_BY_ROW,
  DRY_RUN_KEPT_HOURS,
  IMPORT_JOB_COLUMNS,
  importJobRow,
  type ImportJobRow,
  type ImportWork,
  importWorkRow,
  rejectionCsvRow,
  type RejectionCsvRow,
} from './import-job.row';

/** Rejections per round trip of the CSV: memory stays bounded whatever their number. */
export const REJECTION_BATCH_SIZE = 1000;

/** The imports an admin sees: those of their own organisation. */
const OF_VIEWERS_ORGANIZATION = `i.org_id = (SELECT org_id FROM users WHERE id = $1)`;

/** A new upload's row: the import id is the folder its files were streamed into. */
export interface NewImport {
  id: string;
  requestedBy: number;
  sourceSystem: string;
  mode: ImportMode;
  dryRun: boolean;
  files: ImportFileSummary[];
  confirms: string | null;
}

const idRow = z.object({ id: pg.uuid });
const lockedRow = z.object({
  id: pg.uuid,
  sourceSystem: pg.text,
  mode: z.enum(IMPORT_MODES),
  files: importJobRow.shape.files,
  confirmableByRow: pg.bool,
});
const keepRow = z.object({ id: pg.uuid, keep: pg.bool });

/** imports and import_rejections, for the API (the pipeline in @iop/import writes the outcome itself). */
@Injectable()
export class ImportsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** A queued upload in the requester's organisation; returns its id. */
  async insert(manager: EntityManager, row: NewImport): Promise<string> {
    return parseOneRow(
      'ImportsQuery.insert',
      idRow,
      await manager.query(
        `INSERT INTO imports (id, org_id, organization_name, source_system, mode, dry_run, via, status,
                              requested_by, confirms, files)
         SELECT $1, o.id, o.name, $3, $4, $5, 'upload', 'queued', u.id, $6, $7
         FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = $2
         RETURNING id`,
        [row.id, row.requestedBy, row.sourceSystem, row.mode, row.dryRun, row.confirms, JSON.stringify(row.files)],
      ),
    ).id;
  }

  /** Newest first, at most `limit`, of the viewer's organisation. */
  async list(viewerId: number, limit: number): Promise<ImportJobRow[]> {
    return parseRows(
      'ImportsQuery.list',
      importJobRow,
      await this.dataSource.query(
        `SELECT ${IMPORT_JOB_COLUMNS} FROM imports i LEFT JOIN users u ON u.id = i.requested_by
         WHERE ${OF_VIEWERS_ORGANIZATION} ORDER BY i.created_at DESC, i.id LIMIT $2`,
        [viewerId, limit],
      ),
    );
  }

  /** An import of the viewer's organisation; null for another's or an unknown id. */
  async visible(viewerId: number, id: string, manager = this.dataSource.manager): Promise<ImportJobRow | null> {
    return parseOptionalRow(
      'ImportsQuery.visible',
      importJobRow,
      await manager.query(
        `SELECT ${IMPORT_JOB_COLUMNS} FROM imports i LEFT JOIN users u ON u.id = i.requested_by
         WHERE ${OF_VIEWERS_ORGANIZATION} AND i.id = $2`,
        [viewerId, id],
      ),
    );
  }

  /**
   * The dry run to confirm, locked until the transaction ends, so that two confirmations at once cannot both
   * see it unconfirmed; null when it is not the viewer's organisation's. Read after the lock, in a statement
   * of its own: under READ COMMITTED that statement sees a confirmation committed while it waited.
   */
  async lockDryRun(manager: EntityManager, viewerId: number, id: string) {
    const locked = parseRows(
      'ImportsQuery.lockDryRun (lock)',
      idRow,
      await manager.query(`SELECT i.id FROM imports i WHERE ${OF_VIEWERS_ORGANIZATION} AND i.id = $2 FOR UPDATE OF i`, [
        viewerId,
        id,
      ]),
    );
    if (locked.length === 0) return null;
    return parseOneRow(
      'ImportsQuery.lockDryRun',
      lockedRow,
      await manager.query(
        `SELECT i.id, i.source_system AS "sourceSystem", i.mode, i.files, ${CONFIRMABLE_BY_ROW} AS "confirmableByRow"
         FROM imports i WHERE i.id = $1`,
        [id],
      ),
    );
  }

  /** Whether the viewer may see the import (its rejections are downloaded separately). */
  async exists(viewerId: number, id: string): Promise<boolean> {
    const rows = parseRows(
      'ImportsQuery.exists',
      idRow,
      await this.dataSource.query(`SELECT i.id FROM imports i WHERE ${OF_VIEWERS_ORGANIZATION} AND i.id = $2`, [
        viewerId,
        id,
      ]),
    );
    return rows.length === 1;
  }

  /** Every kept rejection of an import, in the order found, fetched in keyset batches. */
  async *rejections(importId: string): AsyncGenerator<RejectionCsvRow> {
    let after = -1;
    for (;;) {
      const rows = parseRows(
        'ImportsQuery.rejections',
        rejectionCsvRow,
        await this.dataSource.query(
          `SELECT ordinal, file, line, resource_id, field, value, reason FROM import_rejections
           WHERE import_id = $1 AND ordinal > $2 ORDER BY ordinal LIMIT ${REJECTION_BATCH_SIZE}`,
          [importId, after],
        ),
      );
      yield* rows;
      if (rows.length < REJECTION_BATCH_SIZE) return;
      after = rows[rows.length - 1].ordinal;
    }
  }

  /** An import as its job runs it; null when the row is gone. */
  async work(id: string): Promise<ImportWork | null> {
    return parseOptionalRow(
      'ImportsQuery.work',
      importWorkRow,
      await this.dataSource.query(
        `SELECT id, organization_name AS organization, source_system AS "sourceSystem", mode, dry_run AS "dryRun",
                status, files, requested_by AS "requestedBy", confirms
         FROM imports WHERE id = $1`,
        [id],
      ),
    );
  }

  /** A failure the pipeline could not record itself; an import it already finished keeps its outcome. */
  async recordFailure(id: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'failed', error = left($2, 2000), finished_at = now(),
              started_at = coalesce(started_at, now())
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, message],
    );
  }

  /**
   * Which of these imports still need their folder: one that is queued or running, or that a queued or
   * running import confirms, or a succeeded dry run that may still be confirmed. Ids without a row are left out.
   */
  async folderNeeds(ids: readonly string[]): Promise<Map<string, boolean>> {
    const rows = parseRows(
      'ImportsQuery.folderNeeds',
      keepRow,
      await this.dataSource.query(
        `SELECT i.id,
                i.status IN ('queued', 'running')
                OR EXISTS (SELECT 1 FROM imports c WHERE c.confirms = i.id AND c.status IN ('queued', 'running'))
                OR (i.dry_run AND i.status = 'succeeded'
                    AND i.created_at > now() - interval '${DRY_RUN_KEPT_HOURS} hours'
                    AND NOT EXISTS (SELECT 1 FROM imports c WHERE c.confirms = i.id AND c.status = 'succeeded'))
                  AS keep
         FROM imports i WHERE i.id = ANY($1::uuid[])`,
        [ids],
      ),
    );
    return new Map(rows.map((row) => [row.id, row.keep]));
  }
}
