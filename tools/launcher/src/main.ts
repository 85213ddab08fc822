import { isPortFree, runCli, runMigrations, startDatabase, StartupError } from '@iop/db-server';
import { createSeedProgress, seedDatabase } from '@iop/synth';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { buildProducts } from './build-products';
import { step } from './console-steps';

/**
 * `npm start`: start (or reach) PostgreSQL, migrate, build what is not built, seed the demo network into an
 * empty database, then serve API and dashboard on one port from this same process, so that Ctrl-C stops
 * the API and the embedded database together.
 */
async function start(): Promise<void> {
  const workspaceRoot = process.cwd();
  const port = parsePort(process.env['PORT']);
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
  // After the database, so that a database problem is reported before a minute of building.
  await step('Building the API and the dashboard (cached after the first start)', () => buildProducts(workspaceRoot));
  if (await isEmpty(database.url)) {
    await step('Seeding the demo network (first start only)', async () => {
      const progress = createSeedProgress(process.stdout);
      try {
        await seedDatabase(database.url, { preset: 'demo', onProgress: progress.update });
      } finally {
        progress.stop();
      }
    });
  }

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
  // The API prints its URL once it listens, and exits with one line if it cannot.
  require(apiMain);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`PORT must be an integer between 1 and 65535, not "${value}"`);
  }
  return port;
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM dataset_meta LIMIT 1');
    return !rowCount;
  } finally {
    await client.end();
  }
}

void runCli(start);
