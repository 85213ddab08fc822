import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type QueryRunner } from 'typeorm';
import { databaseProblem } from './database-unavailable';

/**
 * After a replica could not be reached, every read goes to the primary for this long before the replicas are
 * tried again, so that a replica that is down costs one failed connection per half minute, not one per request
 * (a host that no longer answers would make each of them wait the pool's 5 s connection timeout).
 */
export const REPLICA_RETRY_AFTER_MS = 30_000;

/** Set for the work of a request that may read from a replica (see ReplicaReadsInterceptor). */
const replicaReads = new AsyncLocalStorage<true>();

/**
 * Runs `work` (and everything it starts) with replica reads allowed: `DataSource.query` calls made without a
 * query runner go to a replica. Everything else (repositories, query builders, transactions, query runners)
 * still goes to the primary.
 */
export function withReplicaReads<T>(work: () => T): T {
  return replicaReads.run(true, work);
}

/**
 * The API's DataSource (docs/ARCHITECTURE.md "Replicas"). With replicas configured, `query()` without a query
 * runner, inside withReplicaReads, runs on a replica that TypeORM picks at random. A read that a replica cannot
 * serve (it cannot be reached, or its pool had no free connection within 5 s) is sent to the primary; after one
 * that cannot be reached, so is every read for the next REPLICA_RETRY_AFTER_MS. A read is safe to send again,
 * and a director waiting for a chart is better served by the primary than by a 503. Everything else is TypeORM's
 * DataSource unchanged.
 */
export class ReplicaRoutingDataSource extends DataSource {
  private readonly routingLogger = new Logger('Database');
  private replicasAvoidedUntil = 0;

  /** Whether the next read inside withReplicaReads would try a replica. */
  get readsFromReplica(): boolean {
    return this.driver.isReplicated && replicaReads.getStore() === true && Date.now() >= this.replicasAvoidedUntil;
  }

  override async query<T = unknown>(query: string, parameters?: unknown[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner !== undefined || !this.readsFromReplica) return super.query<T>(query, parameters, queryRunner);
    const replica = this.createQueryRunner('slave');
    try {
      return (await replica.query(query, parameters)) as T;
    } catch (error) {
      const problem = databaseProblem(error);
      if (problem === null) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (problem === 'unreachable') {
        this.replicasAvoidedUntil = Date.now() + REPLICA_RETRY_AFTER_MS;
        this.routingLogger.warn(
          `a read replica cannot be reached (${reason}); reading from the primary for ${REPLICA_RETRY_AFTER_MS / 1000} s`,
        );
      } else {
        this.routingLogger.warn(
          `a read replica had no free connection in time (${reason}); this read goes to the primary`,
        );
      }
    } finally {
      await replica.release();
    }
    return super.query<T>(query, parameters);
  }
}
