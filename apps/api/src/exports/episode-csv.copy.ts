import type { EpisodeFilters } from '@iop/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AccessScope } from '../access/access-scope';
import { databaseProblem } from '../database/database-unavailable';
import { ReplicaRoutingDataSource } from '../database/replica-routing';
import { CsvRecordCounter } from './csv-record-counter';
import { EPISODE_CSV_SETTINGS, episodeCsvCopySql } from './episode-csv.sql';
import type { ExportColumn } from './tabular-export';

/**
 * How long one CSV export may take. The pool's statement_timeout (30 s) is for the dashboard's queries; a COPY
 * lasts as long as the client takes to download, so the export sets its own. A download that stalls holds a
 * pool connection until then.
 */
export const CSV_EXPORT_TIMEOUT_MS = 15 * 60_000;

/** What pg-copy-streams leaves out of its type: the hooks node-postgres calls on every query it runs. */
interface CopyQueryHooks {
  query_timeout?: number;
  callback?: (error: Error | null) => void;
  handleReadyForQuery(): void;
}

type Release = (error?: Error) => void;

const ignoreLateError = (): void => undefined;

/**
 * A COPY TO STDOUT that node-postgres's query_timeout leaves alone. pg arms that timer (the pool's, 35 s) for
 * every query and clears it only through the query's callback, which pg-copy-streams never calls: the timer
 * would fail an export longer than 35 s, and fire on the finished stream afterwards. The copy gets the export's
 * own timeout; its callback is called when the server is ready again, and by `settle` when the export failed.
 */
function copyOut(sql: string): { copy: CopyToStreamQuery; settle: () => void } {
  const copy = copyTo(sql);
  const hooks = copy as unknown as CopyQueryHooks;
  hooks.query_timeout = CSV_EXPORT_TIMEOUT_MS + 5000;
  const settle = () => hooks.callback?.(null);
  hooks.handleReadyForQuery = settle;
  return { copy, settle };
}

/**
 * Streams the episode CSV that PostgreSQL writes (episode-csv.sql.ts) into the response, with backpressure: the
 * connection's socket is read only as fast as the client takes the bytes, so memory stays flat at any size.
 */
@Injectable()
export class EpisodeCsvCopy {
  private readonly logger = new Logger('EpisodeCsvCopy');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the CSV (header row first) into `output` and ends it. `counter.records` counts the records that went
   * out, header included, also when the export is cut. A failure or a client that goes away destroys the
   * connection: it is in the middle of a COPY and cannot go back to the pool.
   */
  async write(
    deIdentified: boolean,
    columns: readonly ExportColumn[],
    scope: AccessScope,
    filters: EpisodeFilters,
    output: Writable,
    counter: CsvRecordCounter,
  ): Promise<void> {
    const sql = episodeCsvCopySql(deIdentified, columns, scope, filters);
    const [client, release] = await this.connection();
    const { copy, settle } = copyOut(sql);
    // Once the pipeline has given up on the copy, the end of its connection reports an error on it again.
    copy.on('error', ignoreLateError);
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`SET LOCAL statement_timeout = ${CSV_EXPORT_TIMEOUT_MS}`);
      for (const setting of EPISODE_CSV_SETTINGS) await client.query(setting);
      await pipeline(client.query(copy), counter, output);
      await client.query('COMMIT');
    } catch (error) {
      settle();
      // Released with the error, the pool ends the session, and node-postgres destroys the socket of a session
      // still in its COPY (a paused COPY could not end politely): the server stops sending at once.
      release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    release();
  }

  /** A connection of its own (a COPY holds it until the download ends): a replica's where reads may go there. */
  private async connection(): Promise<[PoolClient, Release]> {
    const driver = this.dataSource.driver as PostgresDriver;
    if (this.dataSource instanceof ReplicaRoutingDataSource && this.dataSource.readsFromReplica) {
      try {
        return (await driver.obtainSlaveConnection()) as [PoolClient, Release];
      } catch (error) {
        if (databaseProblem(error) === null) throw error;
        this.logger.warn(`no read replica connection for an export (${String(error)}); it reads the primary`);
      }
    }
    return (await driver.obtainMasterConnection()) as [PoolClient, Release];
  }
}
