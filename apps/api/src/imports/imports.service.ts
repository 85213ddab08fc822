import type { ImportJob, ImportList, ImportMode } from '@iop/contracts';
import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { ImportFileSweeper } from './import-file-sweeper';
import { ImportFolders } from './import-files';
import { importJobOf, type ImportJobRow, type RejectionCsvRow } from './import-job.row';
import { ImportQueue } from './import-queue';
import type { ImportUpload } from './import-upload.interceptor';
import { ImportsQuery, type NewImport } from './imports.query';

/** GET /imports answers at most this many, newest first. */
export const IMPORT_LIST_LIMIT = 50;

/** What an upload asks for besides its files. */
export interface ImportOptions {
  sourceSystem: string;
  mode: ImportMode;
  dryRun: boolean;
}

/**
 * Imports through the API: an upload becomes a queued import (its files already on disk, its job enqueued
 * with its row), a succeeded dry run can be confirmed into the real import of the same files, and the
 * organisation's imports are listed with their progress, outcome and rejections.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly dataSource: DataSource,
    private readonly imports: ImportsQuery,
    private readonly queue: ImportQueue,
    private readonly folders: ImportFolders,
    private readonly sweeper: ImportFileSweeper,
    private readonly audit: AuditService,
  ) {
    this.maxFileBytes = config.get('IOP_IMPORT_MAX_FILE_MB', { infer: true }) * 1024 * 1024;
    this.maxFiles = config.get('IOP_IMPORT_MAX_FILES', { infer: true });
  }

  async create(
    user: SignedInUser,
    upload: ImportUpload,
    options: ImportOptions,
    ip: string | null,
  ): Promise<ImportJob> {
    if (upload.files.length === 0) {
      throw new BadRequestException('Send at least one file in the field "files"');
    }
    const job = await this.enqueue(user, {
      id: upload.importId,
      requestedBy: user.id,
      ...options,
      files: upload.files,
      confirms: null,
    });
    upload.committed = true;
    await this.audit.record({
      user,
      action: 'import.create',
      resource: `imports/${job.id}`,
      ip,
      details: { ...options, files: job.files },
    });
    // Dry runs left unconfirmed past their time go now rather than at the next hourly sweep; the upload
    // itself has succeeded whatever happens to them.
    await this.sweeper.sweep().catch((error: unknown) => this.logger.error(`sweeping import files: ${String(error)}`));
    return job;
  }

  /** The real import of a succeeded dry run, with its kept files; 409 when it cannot be confirmed. */
  async confirm(user: SignedInUser, dryRunId: string, ip: string | null): Promise<ImportJob> {
    const job = await this.dataSource.transaction(async (manager) => {
      const dryRun = await this.imports.lockDryRun(manager, user.id, dryRunId);
      if (!dryRun) throw new NotFoundException(`No import ${dryRunId}`);
      const kept = await this.folders.holds(
        dryRun.id,
        dryRun.files.map((file) => file.name),
      );
      if (!dryRun.confirmableByRow || !kept) {
        throw new ConflictException(
          `Import ${dryRunId} cannot be confirmed: only a dry run that succeeded, whose files are still kept ` +
            `(24 hours) and that is not confirmed already, can be`,
        );
      }
      return this.insertQueued(manager, user, {
        id: randomUUID(),
        requestedBy: user.id,
        sourceSystem: dryRun.sourceSystem,
        mode: dryRun.mode,
        dryRun: false,
        files: dryRun.files,
        confirms: dryRun.id,
      });
    });
    this.queue.wake();
    await this.audit.record({
      user,
      action: 'import.confirm',
      resource: `imports/${job.id}`,
      ip,
      details: { confirms: dryRunId, sourceSystem: job.sourceSystem, mode: job.mode, files: job.files },
    });
    return job;
  }

  async list(user: SignedInUser): Promise<ImportList> {
    const rows = await this.imports.list(user.id, IMPORT_LIST_LIMIT);
    return {
      imports: await Promise.all(rows.map((row) => this.withFolder(row))),
      maxFileBytes: this.maxFileBytes,
      maxFiles: this.maxFiles,
    };
  }

  async get(user: SignedInUser, id: string): Promise<ImportJob> {
    const row = await this.imports.visible(user.id, id);
    // Another organisation's import is answered as missing, so that ids cannot be probed.
    if (!row) throw new NotFoundException(`No import ${id}`);
    return this.withFolder(row);
  }

  /** The rejections of an import to stream as CSV; checked (404) before the download starts. */
  async rejections(user: SignedInUser, id: string, ip: string | null): Promise<AsyncGenerator<RejectionCsvRow>> {
    if (!(await this.imports.exists(user.id, id))) throw new NotFoundException(`No import ${id}`);
    await this.audit.record({ user, action: 'export.import-rejections', resource: `imports/${id}`, ip });
    return this.imports.rejections(id);
  }

  private async enqueue(user: SignedInUser, row: NewImport): Promise<ImportJob> {
    const job = await this.dataSource.transaction((manager) => this.insertQueued(manager, user, row));
    this.queue.wake();
    return job;
  }

  /** Read back inside the transaction: once it commits, the worker may already have started the import. */
  private async insertQueued(manager: EntityManager, user: SignedInUser, row: NewImport): Promise<ImportJob> {
    const id = await this.imports.insert(manager, row);
    await this.queue.enqueue(id, manager);
    const queued = await this.imports.visible(user.id, id, manager);
    if (!queued) throw new Error(`import ${id} was not found right after its insert`);
    return importJobOf(queued, false);
  }

  private async withFolder(row: ImportJobRow): Promise<ImportJob> {
    const kept =
      row.confirmableByRow &&
      (await this.folders.holds(
        row.id,
        row.files.map((file) => file.name),
      ));
    return importJobOf(row, kept);
  }
}
