import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';

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

/**
 * pg-boss in the API's own PostgreSQL (schema pgboss): started with the module, stopped with it, waiting for a
 * running job to finish so that a test or a deployment closing the app leaves nothing behind.
 */
@Injectable()
export class ReportQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReportQueue.name);
  private readonly boss: PgBoss;
  private readonly retryDelaySeconds: number;
  private generateWorkerId: string | null = null;
  private started = false;

  constructor(config: ConfigService<AppConfig, true>) {
    this.retryDelaySeconds = config.get('IOP_REPORT_RETRY_DELAY_SECONDS', { infer: true });
    this.boss = new PgBoss({
      connectionString: config.get('DATABASE_URL', { infer: true }),
      schema: 'pgboss',
      application_name: 'iop-report-queue',
      max: 3,
    });
    // An EventEmitter 'error' without a listener would end the process.
    this.boss.on('error', (error) => this.logger.error(`report queue: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
    await this.boss.createQueue(GENERATE_QUEUE);
    await this.boss.createQueue(SCHEDULE_TICK_QUEUE);
    // pg-boss sends one tick a minute whatever the number of API processes; the tick itself claims schedules
    // with SKIP LOCKED, so even two ticks at once cannot run a schedule twice.
    await this.boss.schedule(SCHEDULE_TICK_QUEUE, '* * * * *', {}, { tz: 'UTC', retryLimit: 0 });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 10_000 });
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

/** pg-boss's database adapter on a TypeORM transaction. */
function transactionSql(manager: EntityManager) {
  return async (text: string, values: unknown[]) => {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('enqueue needs a transaction manager');
    const result = await runner.query(text, values, true);
    return { rows: result.records as unknown[] };
  };
}
