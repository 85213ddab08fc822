import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { JobQueue, transactionSql } from '../jobs/job-queue';

export const GENERATE_QUEUE = 'report.generate';
export const SCHEDULE_TICK_QUEUE = 'report.schedule-tick';
/** The first attempt and two retries. */
export const REPORT_RETRY_LIMIT = 2;
export const REPORT_MAX_ATTEMPTS = REPORT_RETRY_LIMIT + 1;

export interface GenerateJobData {
  reportId: string;
}

/** One attempt of a report job, as the runner needs it. */
export interface GenerateAttempt {
  reportId: string;
  /** 1-based. */
  attempt: number;
  /** No retry follows a failure of this attempt. */
  last: boolean;
}

/** The report queues on the process's shared pg-boss (jobs/job-queue.ts). */
@Injectable()
export class ReportQueue implements OnModuleInit {
  private boss!: PgBoss;
  private readonly retryDelaySeconds: number;
  private generateWorkerId: string | null = null;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly jobs: JobQueue,
  ) {
    this.retryDelaySeconds = config.get('IOP_REPORT_RETRY_DELAY_SECONDS', { infer: true });
  }

  async onModuleInit(): Promise<void> {
    this.boss = await this.jobs.started();
    await this.boss.createQueue(GENERATE_QUEUE);
    await this.boss.createQueue(SCHEDULE_TICK_QUEUE);
    // pg-boss sends one tick a minute whatever the number of API processes; the tick itself claims schedules
    // with SKIP LOCKED, so even two ticks at once cannot run a schedule twice.
    await this.boss.schedule(SCHEDULE_TICK_QUEUE, '* * * * *', {}, { tz: 'UTC', retryLimit: 0 });
  }

  /** Enqueues reports; with `manager`, inside its transaction, so a report row never exists without its job. */
  async enqueue(reportIds: string[], manager?: EntityManager): Promise<void> {
    const db = manager ? { executeSql: transactionSql(manager) } : undefined;
    for (const reportId of reportIds) {
      const data: GenerateJobData = { reportId };
      await this.boss.send(GENERATE_QUEUE, data, {
        retryLimit: REPORT_RETRY_LIMIT,
        retryDelay: this.retryDelaySeconds,
        ...(db ? { db } : {}),
      });
    }
  }

  /** Wakes the generate worker now rather than at its next poll (call after the enqueuing commit). */
  wake(): void {
    if (this.generateWorkerId) this.boss.notifyWorker(this.generateWorkerId);
  }

  async workGenerate(handler: (attempt: GenerateAttempt) => Promise<void>): Promise<void> {
    this.generateWorkerId = await this.boss.work<GenerateJobData>(
      GENERATE_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => {
        await handler({
          reportId: job.data.reportId,
          attempt: job.retryCount + 1,
          last: job.retryCount >= job.retryLimit,
        });
      },
    );
  }

  async workScheduleTicks(handler: () => Promise<void>): Promise<void> {
    await this.boss.work(SCHEDULE_TICK_QUEUE, { batchSize: 1 }, async () => handler());
  }
}
