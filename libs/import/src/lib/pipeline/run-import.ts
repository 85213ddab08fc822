import {
  IMPORT_ENTITIES,
  SOURCE_SYSTEM_PATTERN,
  type ImportCounts,
  type ImportEntity,
  type ImportFileSummary,
  type ImportProgress,
  type ImportStage,
} from '@iop/contracts';
import { stat } from 'node:fs/promises';
import { Client, DatabaseError } from 'pg';
import { readCsvFiles } from '../csv/read-csv-files';
import { entityOfFileName } from '../entities';
import { isFhirFile, readFhirFiles } from '../fhir/read-fhir-files';
import { patientKeyHasher } from '../patient-key';
import { importFileFormat, type ImportFile, type ReaderEvent, type Rejection } from '../source-record';
import { parseDate } from '../validate/field-parsers';
import { validateRecord } from '../validate/validate-record';
import { ImportRecord } from './import-record';
import { REJECTIONS_KEPT, type ImportOutcome, type ImportRequest } from './import-request';
import { currentAsOf, latestServiceDate, loadFhirContext, recordDataset, resolveOrganization } from './import-sql';
import { refreshTouchedFacts } from './facts-refresh';
import { maySkipReferenceTriggers, snapshotDeleteStatement, upsertStatement } from './merge-statements';
import { runStageChecks } from './stage-checks';
import { createStageTables, Stager } from './stager';

/** A request that cannot start (bad source label, unreadable file): nothing was recorded. */
export class ImportRequestError extends Error {}

/** Rejections returned in the outcome; all of them (up to REJECTIONS_KEPT) are in import_rejections. */
const OUTCOME_REJECTIONS = 100;

/**
 * Imports a program's files (docs/DATA-IMPORT.md): read, validate each row, stage with COPY, check references
 * and duplicates in SQL, then merge in one transaction with the facts refreshed and the data version bumped.
 * All or nothing: a rejected row, an error or a killed process leaves the data as it was; only the imports row
 * and the rejections are kept. A dry run does everything but commit, so its counts are the real merge's.
 */
export async function runImport(databaseUrl: string, request: ImportRequest): Promise<ImportOutcome> {
  checkRequest(request);
  const started = Date.now();
  const files = await describeFiles(request.files);
  const recordClient = new Client({ connectionString: databaseUrl });
  await recordClient.connect();
  const work = new Client({ connectionString: databaseUrl });
  try {
    const record = await ImportRecord.open(recordClient, request, files);
    const run = new ImportRun(request, record, files);
    await work.connect();
    return { importId: record.id, ...(await run.execute(work)), seconds: (Date.now() - started) / 1000 };
  } finally {
    await work.end().catch(() => undefined);
    await recordClient.end().catch(() => undefined);
  }
}

type RunResult = Omit<ImportOutcome, 'importId' | 'seconds'>;

class ImportRun {
  private readonly progress: ImportProgress;
  private stage: ImportStage = 'reading';
  private readonly rejections: Rejection[] = [];
  private rejectedRows = 0;
  private readonly warnings: string[] = [];
  private lastReport = 0;

  constructor(
    private readonly request: ImportRequest,
    private readonly record: ImportRecord,
    files: ImportFileSummary[],
  ) {
    const bytesTotal = files.reduce((sum, file) => sum + file.bytes, 0);
    this.progress = { rowsRead: 0, rowsValidated: 0, rowsLoaded: 0, bytesRead: 0, bytesTotal };
  }

  async execute(work: Client): Promise<RunResult> {
    const { request } = this;
    try {
      await work.query('BEGIN');
      // One import per organisation and source at a time: a second one is refused, never interleaved.
      const { rows } = await work.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('iop-import'), hashtext($1 || '/' || $2)) AS locked`,
        [request.organization, request.sourceSystem],
      );
      if (!rows[0].locked) {
        return await this.fail(
          work,
          `another import into source ${request.sourceSystem} of ${request.organization} is running; try again when it has finished`,
        );
      }
      // The load need not wait for WAL flushes until its one commit.
      await work.query('SET LOCAL synchronous_commit = off');
      const orgId = await resolveOrganization(work, request.organization, (message) => this.warnings.push(message));
      await createStageTables(work);
      const stager = new Stager(work);
      await this.readAndStage(work, orgId, stager);
      this.setStage('checking');
      const checks = await runStageChecks(work, {
        orgId,
        sourceSystem: request.sourceSystem,
        mode: request.mode,
        entitiesPresent: this.entitiesPresent(stager),
        limit: REJECTIONS_KEPT,
      });
      this.addRejections(checks.rejections, checks.rejectedRows);
      if (this.rejectedRows > 0) return await this.reject(work);
      this.setStage('writing');
      const counts = await this.merge(work, orgId, stager);
      if (this.rejectedRows > 0) return await this.reject(work);
      const asOf = request.asOf ?? (await this.asOfAfterMerge(work, orgId));
      if (request.dryRun) {
        await work.query('ROLLBACK');
        return await this.finish({ status: 'succeeded', counts, asOf });
      }
      this.setStage('refreshing');
      const asOfBefore = await currentAsOf(work, orgId);
      await recordDataset(work, orgId, asOf, this.record.id, request);
      await refreshTouchedFacts(work, {
        orgId,
        sourceSystem: request.sourceSystem,
        mode: request.mode,
        asOfBefore,
        asOfAfter: await currentAsOf(work, orgId),
      });
      const result = this.result({ status: 'succeeded', counts, asOf });
      this.setStage('done', true);
      await this.record.finish(result, this.progress, work);
      await work.query('COMMIT');
      return result;
    } catch (error) {
      return await this.fail(work, describeFailure(error));
    }
  }

  private async readAndStage(work: Client, orgId: number, stager: Stager): Promise<void> {
    const { request } = this;
    const patientKey = patientKeyHasher(request.patientKeySecret, request.sourceSystem);
    const onBytes = (bytes: number): void => {
      this.progress.bytesRead += bytes;
      this.report();
    };
    const csvFiles = request.files.filter((file) => !isFhirFile(file.name));
    const fhirFiles = request.files.filter((file) => isFhirFile(file.name));
    const readers: Array<AsyncGenerator<ReaderEvent>> = [];
    if (csvFiles.length > 0) readers.push(readCsvFiles(csvFiles, onBytes));
    if (fhirFiles.length > 0) {
      const context = await loadFhirContext(work, orgId, request.sourceSystem, request.defaultTimezone);
      readers.push(readFhirFiles(fhirFiles, context, onBytes));
    }
    for (const reader of readers) {
      for await (const event of reader) {
        if (event.kind === 'warning') {
          this.warnings.push(event.message);
          continue;
        }
        if (event.kind === 'rejection') {
          this.addRejections([event.rejection], 1);
          continue;
        }
        this.progress.rowsRead += 1;
        const validated = validateRecord(event.record, { patientKey });
        if (!validated.ok) {
          this.addRejections(validated.rejections, 1);
          const written = stager.addRejected(event.record);
          if (written) await written;
          continue;
        }
        this.progress.rowsValidated += 1;
        // Valid rows are staged after a rejection too: the checks in SQL then report only real problems, not
        // every reference to a row that was never staged (files are read in any order, children first too).
        const written = stager.add(event.record, validated.values);
        if (written) await written;
        this.report();
      }
    }
    await stager.close();
  }

  /** Parents before children; then, for a snapshot, the deletes children first. */
  private async merge(work: Client, orgId: number, stager: Stager): Promise<ImportCounts> {
    const { request } = this;
    const counts: ImportCounts = {};
    const present = this.entitiesPresent(stager);
    // Replica mode fires no ordinary triggers, the foreign keys' included; it ends before a snapshot's deletes,
    // which need ON DELETE CASCADE.
    const skipReferenceTriggers = await maySkipReferenceTriggers(work);
    if (skipReferenceTriggers) await work.query('SET LOCAL session_replication_role = replica');
    for (const entity of IMPORT_ENTITIES) {
      if (!present.has(entity)) continue;
      const { rows } = await work.query<{ inserted: number; updated: number }>(upsertStatement(entity), [
        orgId,
        request.sourceSystem,
      ]);
      const read = stager.staged.get(entity) ?? 0;
      const { inserted, updated } = rows[0];
      counts[entity] = { read, inserted, updated, unchanged: read - inserted - updated, deleted: 0 };
      this.progress.rowsLoaded += read;
      this.report();
    }
    if (skipReferenceTriggers) await work.query('SET LOCAL session_replication_role = origin');
    if (request.mode !== 'snapshot') return counts;
    for (const entity of [...IMPORT_ENTITIES].reverse()) {
      if (!present.has(entity)) continue;
      try {
        await work.query('SAVEPOINT snapshot_delete');
        const deleted = await work.query(snapshotDeleteStatement(entity), [orgId, request.sourceSystem]);
        await work.query('RELEASE SAVEPOINT snapshot_delete');
        (counts[entity] as NonNullable<ImportCounts[ImportEntity]>).deleted = deleted.rowCount ?? 0;
      } catch (error) {
        if (!(error instanceof DatabaseError) || error.code !== '23503') throw error;
        await work.query('ROLLBACK TO SAVEPOINT snapshot_delete');
        this.addRejections(
          [
            {
              file: entity,
              line: null,
              resourceId: null,
              field: null,
              value: null,
              reason: `the snapshot leaves out ${entity} rows that other rows still refer to (${error.detail ?? error.message}); include the referring rows' files in the snapshot or import in merge mode`,
            },
          ],
          1,
        );
      }
    }
    return counts;
  }

  /**
   * The data's end after the merge: the latest service date of the organisation's data. A merge only adds or
   * changes rows, so the latest of the imported rows and the current as-of date is enough (without reading every
   * appointment of a large network); a snapshot may have deleted the latest rows, so it looks at everything.
   */
  private async asOfAfterMerge(work: Client, orgId: number): Promise<string | null> {
    const { sourceSystem, mode } = this.request;
    const current = await currentAsOf(work, orgId);
    if (mode === 'snapshot' || current === null) return latestServiceDate(work, orgId, sourceSystem, false);
    const imported = await latestServiceDate(work, orgId, sourceSystem, true);
    return imported !== null && imported > current ? imported : current;
  }

  /** Entities the import brings: a CSV file named for it (even with no rows), or rows read from FHIR. */
  private entitiesPresent(stager: Stager): Set<ImportEntity> {
    const present = new Set<ImportEntity>(stager.staged.keys());
    for (const file of this.request.files) {
      const entity = entityOfFileName(file.name);
      if (entity) present.add(entity);
    }
    return present;
  }

  private addRejections(rejections: Rejection[], rows: number): void {
    this.rejectedRows += rows;
    for (const rejection of rejections) {
      if (this.rejections.length < REJECTIONS_KEPT) this.rejections.push(rejection);
    }
  }

  private async reject(work: Client): Promise<RunResult> {
    await work.query('ROLLBACK');
    await this.record.saveRejections(this.rejections);
    return this.finish({ status: 'rejected', counts: {}, asOf: null });
  }

  private async fail(work: Client, message: string): Promise<RunResult> {
    await work.query('ROLLBACK').catch(() => undefined);
    await this.record.saveRejections(this.rejections).catch(() => undefined);
    return this.finish({ status: 'failed', counts: {}, asOf: null, error: message });
  }

  private async finish(
    outcome: Pick<RunResult, 'status' | 'counts' | 'asOf'> & { error?: string },
  ): Promise<RunResult> {
    const result = this.result(outcome);
    this.setStage('done', true);
    await this.record.finish(result, this.progress);
    return result;
  }

  private result(outcome: Pick<RunResult, 'status' | 'counts' | 'asOf'> & { error?: string }): RunResult {
    return {
      status: outcome.status,
      dryRun: this.request.dryRun,
      counts: outcome.counts,
      rejectedRows: this.rejectedRows,
      rejections: this.rejections.slice(0, OUTCOME_REJECTIONS),
      warnings: this.warnings,
      asOf: outcome.asOf,
      error: outcome.error ?? null,
    };
  }

  private setStage(stage: ImportStage, quiet = false): void {
    this.stage = stage;
    if (!quiet) this.report(true);
  }

  /** Progress for the caller and the record, at most ten times a second: it is called for every row read. */
  private report(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastReport < 100) return;
    this.lastReport = now;
    this.request.onProgress?.({ stage: this.stage, progress: { ...this.progress } });
    this.record.progress(this.stage, this.progress, force);
  }
}

function checkRequest(request: ImportRequest): void {
  if (!SOURCE_SYSTEM_PATTERN.test(request.sourceSystem)) {
    throw new ImportRequestError(
      `the source system "${request.sourceSystem}" is not a label: 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit`,
    );
  }
  const organization = request.organization.trim();
  if (organization.length === 0 || organization.length > 200) {
    throw new ImportRequestError('the organisation name must be 1-200 characters');
  }
  if (request.asOf !== undefined && !parseDate(request.asOf).ok) {
    throw new ImportRequestError(`--as-of "${request.asOf}" is not a date that exists (YYYY-MM-DD)`);
  }
  if (request.files.length === 0) throw new ImportRequestError('no files to import');
}

async function describeFiles(files: ImportFile[]): Promise<ImportFileSummary[]> {
  return Promise.all(
    files.map(async (file) => {
      let bytes: number;
      try {
        bytes = (await stat(file.path)).size;
      } catch {
        throw new ImportRequestError(`cannot read ${file.path}`);
      }
      return { name: file.name, bytes, format: importFileFormat(file.name) };
    }),
  );
}

/** A database or file error in words, without a stack. */
function describeFailure(error: unknown): string {
  if (error instanceof DatabaseError) {
    return `the database refused the import: ${error.message}${error.detail ? ` (${error.detail})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
