import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import path from 'node:path';
import { AlertQueue } from '../alerts/alert-queue';
import type { AppConfig } from '../config/app-config';
import { ImportFolders } from './import-files';
import type { ImportWork } from './import-job.row';
import { IMPORT_RUNNER, type ImportRunner } from './import-runner';
import { ImportsQuery } from './imports.query';

/** The message stored for the admin: never a stack trace. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 2000) || 'The import failed';
}

/** The outcome of a run, as far as the files are concerned. */
type Finish = 'succeeded' | 'rejected' | 'failed';

/**
 * One import job: runs the pipeline on the uploaded files (those of the confirmed dry run for a
 * confirmation), then removes the files nothing will read again. Never retried: the pipeline records the
 * outcome on the row, and a failure it could not record (a crash before it started) is recorded here.
 */
@Injectable()
export class ImportJobRunner {
  private readonly logger = new Logger(ImportJobRunner.name);
  private readonly databaseUrl: string;
  private readonly patientKeySecret: string;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly imports: ImportsQuery,
    private readonly folders: ImportFolders,
    @Inject(IMPORT_RUNNER) private readonly runImport: ImportRunner,
    @Optional() @Inject(AlertQueue) private readonly alerts: AlertQueue | null = null,
  ) {
    this.databaseUrl = config.get('DATABASE_URL', { infer: true });
    this.patientKeySecret = config.get('IOP_PATIENT_KEY_SECRET', { infer: true });
  }

  async run(importId: string): Promise<void> {
    const work = await this.imports.work(importId);
    // Gone, or already run (pg-boss delivers at least once).
    if (!work || work.status !== 'queued') return;
    const folder = this.folders.folderOf(work.confirms ?? work.id);
    let finish: Finish = 'failed';
    try {
      if (
        !(await this.folders.holds(
          work.confirms ?? work.id,
          work.files.map((file) => file.name),
        ))
      ) {
        throw new Error('The uploaded files are no longer kept (a dry run keeps them for 24 hours); upload them again');
      }
      const outcome = await this.runImport(this.databaseUrl, {
        importId: work.id,
        organization: work.organization,
        sourceSystem: work.sourceSystem,
        mode: work.mode,
        dryRun: work.dryRun,
        files: work.files.map((file) => ({ path: path.join(folder, file.name), name: file.name })),
        patientKeySecret: this.patientKeySecret,
        via: 'upload',
        requestedBy: work.requestedBy,
        confirms: work.confirms,
      });
      finish = outcome.status;
      // New data: the alert rules run in their own job, so the import is not kept waiting (docs/ARCHITECTURE.md "Alerts").
      if (finish === 'succeeded' && !work.dryRun) {
        await this.alerts
          ?.enqueueEvaluation('load')
          .catch((error: unknown) =>
            this.logger.error(`queueing the alert rules after import ${importId}: ${messageOf(error)}`),
          );
      }
    } catch (error) {
      this.logger.error(`import ${importId}: ${messageOf(error)}`);
      await this.imports.recordFailure(importId, messageOf(error));
    } finally {
      await this.removeUnneededFiles(work, finish).catch((error: unknown) =>
        this.logger.error(`removing the files of import ${importId}: ${messageOf(error)}`),
      );
    }
  }

  /**
   * A succeeded dry run keeps its files for its confirmation; a confirmation that did not succeed leaves the
   * dry run's files for another try (until the sweeper's deadline). Everything else is done with its files.
   */
  private async removeUnneededFiles(work: ImportWork, finish: Finish): Promise<void> {
    if (work.dryRun && finish === 'succeeded') return;
    if (work.confirms && finish !== 'succeeded') return;
    await this.folders.remove(work.confirms ?? work.id);
  }
}
