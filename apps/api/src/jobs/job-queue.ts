import { Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { JobDatabase } from './job-database';

/** How long a stopping queue waits for the jobs it is running. */
export const JOB_STOP_TIMEOUT_MS = 3000;

/**
 * pg-boss in the API's own PostgreSQL (schema pgboss), one instance per process for every queue (reports,
 * imports): one connection pool (JobDatabase, which waits out a database restart) and one maintenance loop,
 * started by the first queue that needs it and stopped with the app, waiting a little for a running job to
 * finish so that a test or a deployment closing the app leaves nothing behind.
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private readonly database: JobDatabase;
  private readonly boss: PgBoss;
  private starting: Promise<PgBoss> | null = null;

  constructor(config: ConfigService<AppConfig, true>) {
    // Its own adapter rather than a connection string, so that its statements wait out a database restart.
    this.database = new JobDatabase({ connectionString: config.get('DATABASE_URL', { infer: true }) });
    this.boss = new PgBoss({ db: this.database, schema: 'pgboss' });
    // An EventEmitter 'error' without a listener would end the process.
    this.boss.on('error', (error) => this.logger.error(`job queue: ${error.message}`));
  }

  /** The started pg-boss (started once, on the first call). */
  started(): Promise<PgBoss> {
    this.starting ??= this.boss.start().then(() => this.boss);
    return this.starting;
  }

  /**
   * A job still running gets JOB_STOP_TIMEOUT_MS to finish; pg-boss then marks it failed, which retries it
   * (in another process, or at the next start). The whole shutdown must fit in 10 s (faults/graceful-shutdown.ts).
   */
  async onModuleDestroy(): Promise<void> {
    this.database.stopWaiting();
    const running = await this.starting?.then(
      () => true,
      () => false,
    );
    if (running) await this.boss.stop({ graceful: true, timeout: JOB_STOP_TIMEOUT_MS });
    await this.database.close();
  }
}

/** The shared pg-boss of the process, for every module that queues jobs. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}

/** pg-boss's database adapter on a TypeORM transaction: a job sent with it exists exactly when the transaction commits. */
export function transactionSql(manager: EntityManager) {
  return async (text: string, values: unknown[]) => {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('enqueue needs a transaction manager');
    const result = await runner.query(text, values, true);
    return { rows: result.records as unknown[] };
  };
}
