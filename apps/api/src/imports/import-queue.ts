import { Injectable, type OnModuleInit } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { JobQueue, transactionSql } from '../jobs/job-queue';

export const IMPORT_QUEUE = 'import';
/** Removes the files of dry runs nobody confirmed in time (the next upload does too). */
export const IMPORT_SWEEP_QUEUE = 'import-sweep';

/** pg-boss fails a job still active after this long; pg-boss allows at most 24 hours. */
const IMPORT_EXPIRY_HOURS = 12;

export interface ImportJobData {
  importId: string;
}

/**
 * The import jobs on the process's shared pg-boss (jobs/job-queue.ts). An import is all or nothing and is never
 * retried: a failure is recorded on its row and reported, and the admin decides what to do.
 */
@Injectable()
export class ImportQueue implements OnModuleInit {
  private boss!: PgBoss;
  private importWorkerId: string | null = null;

  constructor(private readonly jobs: JobQueue) {}

  async onModuleInit(): Promise<void> {
    this.boss = await this.jobs.started();
    await this.boss.createQueue(IMPORT_QUEUE);
    await this.boss.createQueue(IMPORT_SWEEP_QUEUE);
    await this.boss.schedule(IMPORT_SWEEP_QUEUE, '17 * * * *', {}, { tz: 'UTC', retryLimit: 0 });
  }

  /** Enqueues an import inside the transaction of `manager`, so that its row never exists without its job. */
  async enqueue(importId: string, manager: EntityManager): Promise<void> {
    const data: ImportJobData = { importId };
    await this.boss.send(IMPORT_QUEUE, data, {
      retryLimit: 0,
      expireInHours: IMPORT_EXPIRY_HOURS,
      db: { executeSql: transactionSql(manager) },
    });
  }

  /** Wakes the import worker now rather than at its next poll (call after the enqueuing commit). */
  wake(): void {
    if (this.importWorkerId) this.boss.notifyWorker(this.importWorkerId);
  }

  /** One import at a time per API process: imports are heavy, and one organisation's would contend anyway. */
  async workImports(handler: (importId: string) => Promise<void>): Promise<void> {
    this.importWorkerId = await this.boss.work<ImportJobData>(
      IMPORT_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => handler(job.data.importId),
    );
  }

  async workSweeps(handler: () => Promise<void>): Promise<void> {
    await this.boss.work(IMPORT_SWEEP_QUEUE, { batchSize: 1 }, async () => handler());
  }
}
