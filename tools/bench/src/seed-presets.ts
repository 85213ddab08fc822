import { runCli, runMigrations, startDatabase } from '@iop/db-server';
import { PRESET_NAMES, seedDatabase, type PresetName } from '@iop/synth';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run bench:seed -- [--preset demo --preset standard ...]`: seeds each preset into a fresh embedded
 * PostgreSQL 18 and prints wall-clock seconds and rows per second, for docs/PERFORMANCE.md. A benchmark,
 * not a test: the figures depend on the machine and on what else it is doing.
 */
void runCli(async () => {
  const { values } = parseArgs({ options: { preset: { type: 'string', multiple: true } } });
  const presets = (values.preset ?? ['demo', 'standard']) as PresetName[];
  for (const preset of presets) {
    if (!PRESET_NAMES.includes(preset)) throw new Error(`unknown preset ${preset}; use ${PRESET_NAMES.join(', ')}`);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-bench-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
  await chmod(scratch, 0o755);
  // Like `npm start`'s own cluster (durable settings), not the tests' throw-away one.
  const database = await startDatabase({ dataDir: path.join(scratch, 'pg'), fresh: true });
  try {
    await runMigrations(database.url);
    console.log('| preset | episodes | rows | seconds | rows/s |');
    console.log('|---|---:|---:|---:|---:|');
    for (const preset of presets) {
      const report = await seedDatabase(database.url, { preset });
      const rows = Object.values(report.rows).reduce((sum, count) => sum + count, 0);
      const perSecond = Math.round(rows / report.seconds);
      console.log(`| ${preset} | ${report.rows['episodes']} | ${rows} | ${report.seconds.toFixed(1)} | ${perSecond} |`);
    }
  } finally {
    await database.stop();
    await rm(scratch, { recursive: true, force: true });
  }
});
