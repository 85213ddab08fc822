import { runCli, runMigrations, startDatabase } from '@iop/db-server';
import { seedDatabase } from '../lib/load/seed-database';
import { ArgumentError, parseSeedArguments, SEED_USAGE, type SeedArguments } from './seed-arguments';
import { createSeedProgress } from './seed-progress';

/**
 * `npm run seed -- --preset demo|standard|large [--seed N]`: (re)generates the synthetic network in the
 * embedded database (or DATABASE_URL), then prints the rows per table and the time taken.
 */
async function seed(args: SeedArguments): Promise<void> {
  const started = Date.now();
  const database = await startDatabase();
  try {
    await runMigrations(database.url);
    process.stdout.write(`Seeding the ${args.preset} network (seed ${args.seed})...\n`);
    const progress = createSeedProgress();
    let report;
    try {
      report = await seedDatabase(database.url, { preset: args.preset, seed: args.seed, onProgress: progress.update });
    } finally {
      progress.stop();
    }
    for (const [table, count] of Object.entries(report.rows)) {
      process.stdout.write(`  ${table.padEnd(22)} ${count.toLocaleString('en-US').padStart(11)}\n`);
    }
    process.stdout.write(
      `Seeded the ${report.preset} network (seed ${report.seed}, as of ${report.asOf}) in ${report.seconds.toFixed(1)} s ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s with database start and migrations).\n`,
    );
  } finally {
    await database.stop();
  }
}

function main(): void {
  let args: SeedArguments;
  try {
    args = parseSeedArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    process.stderr.write(`error: ${error.message}\n${SEED_USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${SEED_USAGE}\n`);
    return;
  }
  void runCli(() => seed(args));
}

main();
