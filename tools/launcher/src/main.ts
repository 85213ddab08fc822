import {
  isPortFree,
  localStateDir,
  patientKeySecret,
  readOrCreateSecret,
  runCli,
  runMigrations,
  startDatabase,
  startEmptyMarkerFile,
  StartupError,
} from '@iop/db-server';
import { createSeedProgress, type DemoLogin, seedDatabase, seedDemoUsers } from '@iop/synth';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { buildProducts } from './build-products';
import { step } from './console-steps';
import { demoPassword } from './demo-password';
import { demoWanted, firstStepsText, isEmptyDatabase, readDatabaseContents } from './first-start';

/**
 * `npm start`: start (or reach) PostgreSQL, migrate, build what is not built, seed the demo network into an
 * empty database (unless IOP_DEMO=false or `npm run db:reset -- --empty` said not to), then serve API and
 * dashboard on one port from this same process, so that Ctrl-C stops the API and the embedded database together.
 */
async function start(): Promise<void> {
  const workspaceRoot = process.cwd();
  const port = parsePort(process.env['PORT']);
  const seedDemo = demoWanted(process.env['IOP_DEMO'], existsSync(startEmptyMarkerFile()));
  if (!(await isPortFree(port))) {
    throw new StartupError(
      `port ${port} is already in use; stop what uses it or run with another, e.g. PORT=3001 npm start`,
    );
  }

  const database = await step(
    process.env['DATABASE_URL'] ? 'Connecting to DATABASE_URL' : 'Starting PostgreSQL 18 (embedded)',
    () => startDatabase(),
  );
  await step('Applying database migrations', () => runMigrations(database.url));
  // The same secret as `npm run import` uses, so that uploads and command-line imports key patients alike; read
  // (or created) before the build, so that a bad IOP_PATIENT_KEY_SECRET stops the start early.
  const patientKey = await patientKeySecret();
  // After the database, so that a database problem is reported before a minute of building.
  await step('Building the API and the dashboard (cached after the first start)', () => buildProducts(workspaceRoot));
  const stateDir = localStateDir();
  const passwordFile = path.join(stateDir, 'demo-password');
  const contents = await readDatabaseContents(database.url);
  const seedsDemo = seedDemo && isEmptyDatabase(contents);
  if (seedsDemo) {
    await step('Seeding the demo network (first start only)', async () => {
      const progress = createSeedProgress(process.stdout);
      try {
        await seedDatabase(database.url, { preset: 'demo', onProgress: progress.update });
      } finally {
        progress.stop();
      }
    });
    await step('Creating the demo accounts', async () => seedDemoUsers(database.url, await demoPassword(passwordFile)));
  }
  process.env['IOP_JWT_SECRET'] ??= await readOrCreateSecret(path.join(stateDir, 'jwt-secret'));
  process.env['IOP_PATIENT_KEY_SECRET'] = patientKey;
  await printDemoLogins(database.url, passwordFile);
  if (!seedsDemo) process.stdout.write(firstStepsText(contents, database.embedded));

  process.env['DATABASE_URL'] = database.url;
  process.env['PORT'] = String(port);
  process.env['IOP_DASHBOARD_DIR'] = path.join(workspaceRoot, 'dist', 'apps', 'dashboard', 'browser');
  process.env['NODE_ENV'] ??= 'production';
  const apiMain = path.join(workspaceRoot, 'dist', 'apps', 'api', 'main.js');
  if (!existsSync(apiMain)) throw new StartupError(`the API bundle ${apiMain} is missing after the build`);
  if (database.embedded) {
    const dataDir = process.env['IOP_DATA_DIR'] ?? '.data/pg';
    process.stdout.write(`  Data lives in ${dataDir} (reset it with \`npm run db:reset\`).\n`);
  }
  // From here on a stop signal belongs to the API, which finishes the requests in flight and then exits; the
  // embedded database is stopped by its exit hook then (SIGINT to the server, which shuts down by itself). Left
  // in place, the database's own signal handlers would stop it at the signal, under the requests still running.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
  // The API prints its URL once it listens, and exits with one line if it cannot. Its bundle is CommonJS, built
  // at run time, so it is loaded by path in this process rather than imported.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(apiMain);
}

/** The demo accounts that exist in this database, and their password when this machine seeded them. */
async function printDemoLogins(url: string, passwordFile: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  let logins: Array<Pick<DemoLogin, 'email' | 'role'>>;
  try {
    logins = (
      await client.query<Pick<DemoLogin, 'email' | 'role'>>(
        `SELECT email, role FROM users WHERE email LIKE '%@demo.local' ORDER BY email`,
      )
    ).rows;
  } finally {
    await client.end();
  }
  if (logins.length === 0) return;
  const password = existsSync(passwordFile)
    ? (await readFile(passwordFile, 'utf8')).trim()
    : '(the DEMO_PASSWORD used when the demo was seeded)';
  process.stdout.write(`  Demo sign-ins (password ${password}):\n`);
  for (const login of logins) process.stdout.write(`    ${login.role.padEnd(9)} ${login.email}\n`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`PORT must be an integer between 1 and 65535, not "${value}"`);
  }
  return port;
}

void runCli(start);
