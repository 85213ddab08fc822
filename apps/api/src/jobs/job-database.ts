import { Logger } from '@nestjs/common';
import { Pool, type QueryResult } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { isDatabaseUnavailable, isRefusedBeforeCommit } from '../database/database-unavailable';

/** How long a statement of the job queue waits for the database to come back before it fails. */
export const JOB_QUEUE_OUTAGE_WAIT_MS = 60_000;

/** How often a statement that could not run is sent again while the database is away. */
const RETRY_INTERVAL_MS = 1000;

export interface JobDatabaseOptions {
  connectionString: string;
  /** How long a statement waits out an outage (JOB_QUEUE_OUTAGE_WAIT_MS unless a test says otherwise). */
  outageWaitMs?: number;
}

/**
 * The job queue's database (pg-boss's `db` option): its own pool of 4 connections, whose statements wait out a
 * database restart. pg-boss 10 marks a job completed or failed without awaiting the statement (manager.js,
 * onFetch), so when the database was away at that moment the statement's failure was an unhandled rejection,
 * which ends a Node process, and the job stayed 'active' until it expired 15 minutes later. Here a statement
 * that the server never ran (no connection could be made, or the server refused or rolled it back while
 * shutting down) is sent again every second until the database answers, for up to `outageWaitMs`, or until
 * the queue stops. A connection cut without a word from the server is not retried: its statement may have
 * committed. Only pg-boss's own statements come here; a job sent with a request is sent in the request's
 * transaction (transactionSql), so no request ever waits here.
 */
export class JobDatabase {
  private readonly logger = new Logger('JobQueue');
  private readonly pool: Pool;
  private readonly outageWaitMs: number;
  private waiting = true;

  constructor(options: JobDatabaseOptions) {
    this.outageWaitMs = options.outageWaitMs ?? JOB_QUEUE_OUTAGE_WAIT_MS;
    this.pool = new Pool({
      connectionString: options.connectionString,
      application_name: 'iop-job-queue',
      max: 4,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    // An idle connection that the server ended: the pool drops it; without a listener it would end the process.
    this.pool.on('error', (error) => this.logger.warn(`an idle job-queue connection was lost: ${error.message}`));
  }

  /** pg-boss's adapter method; returns node-postgres's result, as pg-boss's own adapter does. */
  async executeSql(text: string, values?: unknown[]): Promise<QueryResult> {
    const giveUpAt = Date.now() + this.outageWaitMs;
    const mayWait = () => this.waiting && Date.now() < giveUpAt;
    for (;;) {
      const client = await this.pool.connect().catch((error: unknown) => {
        if (isDatabaseUnavailable(error) && mayWait()) return null;
        throw error;
      });
      if (client) {
        try {
          const result = await client.query(text, values);
          client.release();
          return result;
        } catch (error) {
          // A connection that failed is destroyed rather than given to the next statement.
          client.release(isDatabaseUnavailable(error));
          if (!(isRefusedBeforeCommit(error) && mayWait())) throw error;
        }
      }
      await delay(RETRY_INTERVAL_MS);
    }
  }

  /** From now on a statement fails at once when the database is away (the queue is stopping). */
  stopWaiting(): void {
    this.waiting = false;
  }

  async close(): Promise<void> {
    this.stopWaiting();
    await this.pool.end();
  }
}
