import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { JobQueue, JobsModule } from '../jobs/job-queue';

export const ALERT_EVALUATE_QUEUE = 'alerts.evaluate';
export const ALERT_EMAIL_QUEUE = 'alerts.email';
/** Every night at 02:30 UTC, after any nightly load has had time to finish. */
export const NIGHTLY_EVALUATION_CRON = '30 2 * * *';
/** An e-mail whose server was away is tried again up to this many times, 1, 2, 4... minutes apart. */
export const ALERT_EMAIL_RETRY_LIMIT = 5;
const ALERT_EMAIL_RETRY_DELAY_SECONDS = 60;

export type EvaluationReason = 'load' | 'nightly' | 'request';

interface EvaluateJobData {
  reason: EvaluationReason;
}

interface EmailJobData {
  notificationId: number;
}

/**
 * The alert jobs on the process's shared pg-boss (jobs/job-queue.ts): an evaluation after every data load and
 * every night, and one e-mail per notification, retried apart from the evaluation so that an SMTP server that
 * is away never fails a rule run.
 */
@Injectable()
export class AlertQueue implements OnModuleInit {
  private boss!: PgBoss;

  constructor(private readonly jobs: JobQueue) {}

  async onModuleInit(): Promise<void> {
    this.boss = await this.jobs.started();
    await this.boss.createQueue(ALERT_EVALUATE_QUEUE);
    await this.boss.createQueue(ALERT_EMAIL_QUEUE);
    await this.boss.schedule(
      ALERT_EVALUATE_QUEUE,
      NIGHTLY_EVALUATION_CRON,
      { reason: 'nightly' } satisfies EvaluateJobData,
      {
        tz: 'UTC',
        retryLimit: 1,
      },
    );
  }

  /** Queues an evaluation (after a committed load): the load returns at once, the rules run in the job. */
  async enqueueEvaluation(reason: EvaluationReason): Promise<void> {
    await this.boss.send(ALERT_EVALUATE_QUEUE, { reason } satisfies EvaluateJobData, { retryLimit: 1 });
  }

  async enqueueEmail(notificationId: number): Promise<void> {
    await this.boss.send(ALERT_EMAIL_QUEUE, { notificationId } satisfies EmailJobData, {
      retryLimit: ALERT_EMAIL_RETRY_LIMIT,
      retryDelay: ALERT_EMAIL_RETRY_DELAY_SECONDS,
      retryBackoff: true,
    });
  }

  async workEvaluations(handler: (reason: EvaluationReason) => Promise<void>): Promise<void> {
    await this.boss.work<EvaluateJobData>(ALERT_EVALUATE_QUEUE, { batchSize: 1 }, async ([job]) =>
      handler(job.data.reason),
    );
  }

  async workEmails(handler: (notificationId: number) => Promise<void>): Promise<void> {
    await this.boss.work<EmailJobData>(ALERT_EMAIL_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) =>
      handler(job.data.notificationId),
    );
  }
}

/** The alert queue alone, for the modules that start an evaluation (imports) without the rest of alerts. */
@Module({ imports: [JobsModule], providers: [AlertQueue], exports: [AlertQueue] })
export class AlertQueueModule {}
