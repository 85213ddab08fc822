import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * The base tables' columns the questions read (compare-questions.ts), with their DuckDB types: the same rows as
 * PostgreSQL holds, no derived column, so DuckDB computes everything the plain SQL computes. A column may be
 * read through an expression: the appointment's start is written as its UTC wall time (a TIMESTAMP in DuckDB,
 * the same instant), which the local_hours lookup turns into local time.
 */
const TABLES: ReadonlyArray<{ name: string; columns: Record<string, { type: string; select?: string }> }> = [
  {
    name: 'programs',
    columns: { id: { type: 'INTEGER' }, org_id: { type: 'INTEGER' }, timezone: { type: 'VARCHAR' } },
  },
  { name: 'dataset_meta', columns: { org_id: { type: 'INTEGER' }, as_of: { type: 'DATE' } } },
  {
    name: 'episodes',
    columns: {
      id: { type: 'INTEGER' },
      org_id: { type: 'INTEGER' },
      program_id: { type: 'INTEGER' },
      level_of_care: { type: 'VARCHAR' },
      admit_date: { type: 'DATE' },
      discharge_date: { type: 'DATE' },
      discharge_reason: { type: 'SMALLINT' },
    },
  },
  {
    name: 'appointments',
    columns: {
      episode_id: { type: 'INTEGER' },
      status: { type: 'VARCHAR' },
      scheduled_start: { type: 'TIMESTAMP', select: `scheduled_start AT TIME ZONE 'UTC'` },
    },
  },
  { name: 'charges', columns: { episode_id: { type: 'INTEGER' }, amount_cents: { type: 'INTEGER' } } },
];

/**
 * Each program time zone's offset from UTC for every UTC hour of the appointments (a day either side), by ICU
 * once: offsets change only on whole UTC hours in the zones of the network (DST transitions at 2:00 local).
 */
const LOCAL_HOURS_SQL = `
  CREATE TABLE local_hours AS
  WITH zones AS (SELECT DISTINCT timezone FROM programs),
  hours AS (
    SELECT unnest(range(date_trunc('day', min(scheduled_start)) - INTERVAL 1 DAY,
                        date_trunc('day', max(scheduled_start)) + INTERVAL 2 DAY, INTERVAL 1 HOUR)) AS utc_hour
    FROM appointments
  )
  SELECT z.timezone, h.utc_hour, timezone(z.timezone, timezone('UTC', h.utc_hour)) - h.utc_hour AS utc_offset
  FROM zones z CROSS JOIN hours h`;

/** DuckDB in memory holding a copy of the base tables, and how long the copy took. */
export interface DuckDbCopy {
  connection: DuckDBConnection;
  /** Rows per table. */
  rows: Record<string, number>;
  loadSeconds: number;
  close(): void;
}

/**
 * Copies the tables from PostgreSQL into an in-memory DuckDB: `COPY ... TO STDOUT` as CSV into a scratch file
 * (timestamps written in UTC), then DuckDB's read_csv with the column types given; the files are removed once
 * loaded. DuckDB's postgres scanner would read PostgreSQL directly, but it is an extension DuckDB downloads on
 * first use, which an offline machine cannot.
 */
export async function copyIntoDuckDb(databaseUrl: string): Promise<DuckDbCopy> {
  const started = performance.now();
  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-compare-'));
  await chmod(scratch, 0o755);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const rows: Record<string, number> = {};
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    for (const table of TABLES) {
      const file = path.join(scratch, `${table.name}.csv`);
      const columns = Object.entries(table.columns)
        .map(([name, column]) => (column.select ? `${column.select} AS ${name}` : name))
        .join(', ');
      await pipeline(
        client.query(copyTo(`COPY (SELECT ${columns} FROM ${table.name}) TO STDOUT (FORMAT csv, HEADER true)`)),
        createWriteStream(file),
      );
      const types = Object.entries(table.columns)
        .map(([name, column]) => `'${name}': '${column.type}'`)
        .join(', ');
      await connection.run(
        `CREATE TABLE ${table.name} AS SELECT * FROM read_csv('${file}', header = true, columns = {${types}})`,
      );
      const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${table.name}`);
      rows[table.name] = Number(counted.getRows()[0][0]);
      await rm(file);
    }
    await connection.run(LOCAL_HOURS_SQL);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  } finally {
    await client.end();
    await rm(scratch, { recursive: true, force: true });
  }
  return {
    connection,
    rows,
    loadSeconds: (performance.now() - started) / 1000,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A query's rows as JSON values (big integers and dates as text), as canonicalRows compares them. */
export async function duckDbRows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowsJson();
}
