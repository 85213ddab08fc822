/**
 * Test helper, run in a child process by the round-trip spec (`tsx --tsconfig tsconfig.base.json`). It runs
 * outside jest because the api's spec compiler (node10 module resolution) cannot type-check the generator.
 *
 * usage: tsx --tsconfig tsconfig.base.json apps/api/src/imports/testing/round-trip.mts seed <url>
 *   seeds the demo network; prints the rows per table as JSON.
 * usage: ... round-trip.mts replace <url> csv|fhir <patient-key secret>
 *   deletes the organisations' data (users and the audit log stay), exports the demo network in that form and
 *   imports it into a new organisation with the import pipeline; prints the outcome as JSON.
 */
import { runImport } from '@iop/import';
import { exportSyntheticNetwork, seedDatabase } from '@iop/synth';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const [command, url, format, secret] = process.argv.slice(2);
if (command === 'seed' && url) {
  const seeded = await seedDatabase(url, { preset: 'demo' });
  process.stdout.write(`${JSON.stringify(seeded.rows)}\n`);
} else if (command === 'replace' && url && (format === 'csv' || format === 'fhir') && secret) {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(
    `TRUNCATE charges, mutual_help, medication_dispenses, assessments, plan_goals, drug_screens, appointments,
       episodes, patients, staff, programs, settings, metric_benchmarks, metric_targets, dataset_meta CASCADE`,
  );
  await client.end();
  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-round-trip-'));
  try {
    await exportSyntheticNetwork({ preset: 'demo', format, outDir: scratch });
    const files = (await readdir(scratch)).map((name) => ({ path: path.join(scratch, name), name }));
    const outcome = await runImport(url, {
      organization: `Demo import (${format})`,
      sourceSystem: `demo-${format}`,
      mode: 'merge',
      dryRun: false,
      files,
      patientKeySecret: secret,
      via: 'cli',
    });
    process.stdout.write(`${JSON.stringify({ ...outcome, rejections: outcome.rejections.slice(0, 5) })}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
} else {
  throw new Error('usage: round-trip.mts seed <url> | replace <url> csv|fhir <secret>');
}
