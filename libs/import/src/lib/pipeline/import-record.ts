import type { ImportFileSummary, ImportProgress, ImportStage } from '@iop/contracts';
import { stringify } from 'csv-stringify/sync';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Rejection } from '../source-record';
import type { ImportOutcome, ImportRequest } from './import-request';

/**
 * The imports row of an import, kept up to date on its own connection, outside the import's transaction: progress
 * must be visible while the import runs, and a rejected or failed import keeps its record and its rejections while
 * everything else it did is rolled back.
 */
export class ImportRecord {
  private lastWrite = 0;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly client: ClientBase,
    readonly id: string,
  ) {}

  /** The request's imports row, or a new one (status running). */
  static async open(client: ClientBase, request: ImportRequest, files: ImportFileSummary[]): Promise<ImportRecord> {
    if (request.importId) {
      await client.query(
        `UPDATE imports SET status = 'running', started_at = now(), stage = 'reading', files = $2 WHERE id = $1`,
        [request.importId, JSON.stringify(files)],
      );
      return new ImportRecord(client, request.importId);
    }
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO imports (org_id, organization_name, source_system, mode, dry_run, via, status, requested_by, confirms, files, stage, started_at)
       VALUES ((SELECT id FROM organizations WHERE name = $1), $1, $2, $3, $4, $5, 'running', $6, $7, $8, 'reading', now())
       RETURNING id`,
      [
        request.organization,
        request.sourceSystem,
        request.mode,
        request.dryRun,
        request.via,
        request.requestedBy ?? null,
        request.confirms ?? null,
        JSON.stringify(files),
      ],
    );
    return new ImportRecord(client, rows[0].id);
  }

  /** Writes progress at most four times a second; the last call before finish() always reaches the row. */
  progress(stage: ImportStage, progress: ImportProgress, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastWrite < 250) return;
    this.lastWrite = now;
    this.writing = this.writing
      .then(() =>
        this.client.query(`UPDATE imports SET stage = $2, progress = $3 WHERE id = $1`, [
          this.id,
          stage,
          JSON.stringify(progress),
        ]),
      )
      .catch(() => undefined);
  }

  /** Waits for the progress writes in flight (before the import's transaction updates the same row). */
  async settle(): Promise<void> {
    await this.writing;
  }

  async saveRejections(rejections: Rejection[]): Promise<void> {
    if (rejections.length === 0) return;
    await this.settle();
    const rows = rejections.map((rejection, index) => [
      this.id,
      index + 1,
      rejection.file,
      rejection.line,
      rejection.resourceId,
      rejection.field,
      rejection.value?.slice(0, 500) ?? null,
      rejection.reason,
    ]);
    const stream = this.client.query(
      copyFrom(
        `COPY import_rejections (import_id, ordinal, file, line, resource_id, field, value, reason) FROM STDIN WITH (FORMAT csv)`,
      ),
    );
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(stringify(rows));
    });
  }

  /**
   * The outcome, written on the record's connection (rejected and failed imports, whose transaction was rolled
   * back) or inside the import's transaction (a written import: its record says succeeded exactly when its rows exist).
   */
  async finish(
    outcome: Omit<ImportOutcome, 'importId' | 'seconds'>,
    progress: ImportProgress,
    on: ClientBase = this.client,
  ): Promise<void> {
    await this.settle();
    await on.query(
      `UPDATE imports SET status = $2, stage = 'done', progress = $3, counts = $4, warnings = $5, rejected_rows = $6,
         as_of = $7, error = $8, finished_at = clock_timestamp(),
         org_id = coalesce(org_id, (SELECT id FROM organizations WHERE name = imports.organization_name))
       WHERE id = $1`,
      [
        this.id,
        outcome.status,
        JSON.stringify(progress),
        JSON.stringify(outcome.counts),
        JSON.stringify(outcome.warnings),
        outcome.rejectedRows,
        outcome.asOf,
        outcome.error?.slice(0, 2000) ?? null,
      ],
    );
  }
}
