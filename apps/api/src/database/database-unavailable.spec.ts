import { ServiceUnavailableException } from '@nestjs/common';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import {
  databaseProblem,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  isRefusedBeforeCommit,
} from './database-unavailable';

const serverUrl = () => process.env['IOP_TEST_SERVER_URL'] as string;

/** The rejection of `work`, which must reject. */
async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What a session meets when the server ends it as a restart does: a statement in flight fails with 57P01. */
async function terminatedStatement(): Promise<unknown> {
  const victim = new Client({ connectionString: serverUrl() });
  victim.on('error', () => undefined);
  await victim.connect();
  const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const sleeping = rejectionOf(victim.query('SELECT pg_sleep(30)'));
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    // Wait until the sleep has started, then end the session as a fast shutdown ends every session.
    for (let tries = 0; tries < 100; tries += 1) {
      const { rows } = await admin.query<{ active: boolean }>(
        `SELECT state = 'active' AS active FROM pg_stat_activity WHERE pid = $1`,
        [pid],
      );
      if (rows[0]?.active) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
  return sleeping;
}

async function serverError(sql: string): Promise<unknown> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await rejectionOf(client.query(sql));
  } finally {
    await client.end();
  }
}

describe('telling a database that is away from other errors', () => {
  it('tells a refused connection, a session ended by the server and a lost connection from a pool with none free', async () => {
    const refused = await rejectionOf(new Client({ host: '127.0.0.1', port: await closedPort() }).connect());
    const terminated = await terminatedStatement();
    expect((terminated as { code?: string }).code).toBe('57P01');
    const cases = {
      refused,
      terminated,
      terminatedThroughTypeOrm: new QueryFailedError('SELECT pg_sleep(30)', [], terminated as Error),
      lostMidway: new Error('Connection terminated unexpectedly'),
      poolTimeout: new Error('timeout exceeded when trying to connect'),
      wrapped: new Error('report failed', { cause: refused }),
    };
    expect(Object.fromEntries(Object.entries(cases).map(([name, error]) => [name, databaseProblem(error)]))).toEqual({
      refused: 'unreachable',
      terminated: 'unreachable',
      terminatedThroughTypeOrm: 'unreachable',
      lostMidway: 'unreachable',
      poolTimeout: 'busy',
      wrapped: 'unreachable',
    });
    // A terminated session's statement was rolled back, so sending it again is safe; a lost one may have committed.
    expect([isRefusedBeforeCommit(terminated), isRefusedBeforeCommit(cases.lostMidway)]).toEqual([true, false]);
  });

  it('leaves every other error alone: SQL errors, timeouts, HTTP exceptions, plain errors', async () => {
    const others = {
      missingTable: await serverError('SELECT * FROM no_such_table'),
      statementTimeout: await serverError(`SET statement_timeout = 10; SELECT pg_sleep(1)`),
      http: new ServiceUnavailableException('busy'),
      plain: new Error('something else'),
      // What the server answers a statement with more than 65,535 parameters: a request's doing, not an outage.
      protocolViolation: Object.assign(new Error('bind message supplies 70000 parameters'), { code: '08P01' }),
      notAnError: 'ECONNREFUSED',
    };
    const takenForAnOutage = Object.entries(others).filter(([, error]) => isDatabaseUnavailable(error));
    expect(takenForAnOutage.map(([name]) => name)).toEqual([]);
  });

  it('makes instanceof (what @Catch uses) mean exactly that', () => {
    expect([
      new Error('Connection terminated unexpectedly') instanceof DatabaseUnavailableError,
      new Error('something else') instanceof DatabaseUnavailableError,
    ]).toEqual([true, false]);
  });
});
