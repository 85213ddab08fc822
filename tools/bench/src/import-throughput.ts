import { runCli, runMigrations, startDatabase } from '@iop/db-server';
import { runImport, type ImportFile } from '@iop/import';
import { exportSyntheticNetwork, seedDatabase, type PresetName } from '@iop/synth';
import { Client } from 'pg';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const SECRET = 'bench-patient-key-secret-0123456789abcdef';

/**
 * `npm run bench:import -- [--rows 5000000] [--preset demo] [--skip-bulk] [--skip-synth]`: imports into a fresh
 * embedded PostgreSQL (durable settings, like `npm start`'s) and prints markdown rows for docs/PERFORMANCE.md:
 * 1. bulk appointments: one CSV of --rows appointments for one episode, end to end (read, validate, stage, check,
 *    merge, refresh), with this process's peak resident memory sampled every 50 ms;
 * 2. the synthetic network at --preset exported as CSV and as FHIR NDJSON, each imported into its own organisation;
 * 3. with --freshness-preset large: that network seeded, then a delta of 10,000 new appointments imported into it;
 *    the time from the start of the import to its commit is how long until the dashboard's cold answers show them.
 * A benchmark, not a test: the figures depend on the machine and on what else it is doing.
 */
void runCli(async () => {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      preset: { type: 'string' },
      'skip-bulk': { type: 'boolean' },
      'skip-synth': { type: 'boolean' },
      // Seed this preset and time a delta of 10,000 appointments into it, until the import has committed.
      'freshness-preset': { type: 'string' },
    },
  });
  const rows = Number(values.rows ?? 1_000_000);
  const preset = (values.preset ?? 'demo') as PresetName;
  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-bench-import-'));
  await chmod(scratch, 0o755);
  const database = await startDatabase({ dataDir: path.join(scratch, 'pg'), fresh: true });
  try {
    await runMigrations(database.url);
    console.log('| import | rows or resources | seconds | per second | peak RSS MB |');
    console.log('|---|---:|---:|---:|---:|');
    if (!values['skip-bulk']) await bulkAppointments(database.url, scratch, rows);
    if (!values['skip-synth']) {
      for (const format of ['csv', 'fhir'] as const) await syntheticNetwork(database.url, scratch, preset, format);
    }
    const freshnessPreset = values['freshness-preset'] as PresetName | undefined;
    if (freshnessPreset) await freshness(database.url, scratch, freshnessPreset);
  } finally {
    await database.stop();
    await rm(scratch, { recursive: true, force: true });
  }
});

async function bulkAppointments(url: string, scratch: string, rows: number): Promise<void> {
  const dir = path.join(scratch, 'bulk');
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'programs.csv'),
    'source_id,name,level_of_care,timezone\nP1,Bench IOP,2.1,America/Chicago\n',
  );
  await writeFile(path.join(dir, 'patients.csv'), 'source_id,birth_year,sex,employment\npt1,1980,female,employed\n');
  await writeFile(
    path.join(dir, 'episodes.csv'),
    'source_id,program_source_id,patient_source_id,level_of_care,referral_source,admit_date,primary_substance,severity,payer\n' +
      'E1,P1,pt1,2.1,self,2020-01-01,alcohol,2,medicaid\n',
  );
  const parents = ['programs.csv', 'patients.csv', 'episodes.csv'].map((name) => ({
    path: path.join(dir, name),
    name,
  }));
  await timedImport(url, 'parents', parents, 'Bench bulk');
  const file = path.join(dir, 'appointments.csv');
  const out = createWriteStream(file);
  out.write('source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id\n');
  const start = Date.UTC(2020, 0, 1, 15);
  for (let index = 0; index < rows; index += 1) {
    const at = new Date(start + index * 60_000).toISOString();
    if (!out.write(`A${index},E1,group,${at},60,in_person,attended,\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const result = await timedImport(url, 'appointments', [{ path: file, name: 'appointments.csv' }], 'Bench bulk');
  console.log(
    `| bulk appointments CSV | ${rows} | ${result.seconds.toFixed(1)} | ${Math.round(rows / result.seconds)} | ${result.peakRss.toFixed(0)} |`,
  );
}

async function syntheticNetwork(
  url: string,
  scratch: string,
  preset: PresetName,
  format: 'csv' | 'fhir',
): Promise<void> {
  const outDir = path.join(scratch, `${preset}-${format}`);
  const exported = await exportSyntheticNetwork({ preset, format, outDir });
  const total = exported.files.reduce((sum, file) => sum + file.rows, 0);
  const files = (await readdir(outDir)).map((name) => ({ path: path.join(outDir, name), name }));
  const result = await timedImport(url, `${preset} ${format}`, files, `Bench ${preset} ${format}`);
  console.log(
    `| ${preset} network, ${format === 'csv' ? 'CSV' : 'FHIR NDJSON'} | ${total} | ${result.seconds.toFixed(1)} | ${Math.round(total / result.seconds)} | ${result.peakRss.toFixed(0)} |`,
  );
}

async function timedImport(
  url: string,
  label: string,
  files: ImportFile[],
  organization: string,
): Promise<{ seconds: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const stages: string[] = [];
  try {
    const outcome = await runImport(url, {
      onProgress: ({ stage }) => {
        if (!stages.at(-1)?.startsWith(stage)) stages.push(`${stage} at ${secondsSince(started)} s`);
      },
      organization,
      sourceSystem: 'bench',
      mode: 'merge',
      dryRun: false,
      files,
      patientKeySecret: SECRET,
      via: 'cli',
    });
    if (outcome.status !== 'succeeded') {
      throw new Error(
        `${label}: ${outcome.status}: ${outcome.error ?? JSON.stringify(outcome.rejections.slice(0, 3))}`,
      );
    }
  } finally {
    clearInterval(sampler);
  }
  console.error(`${label}: ${stages.join(', ')}, committed at ${secondsSince(started)} s`);
  return { seconds: (performance.now() - started) / 1000, peakRss: peakRss / 1024 / 1024 };
}

const secondsSince = (started: number): string => ((performance.now() - started) / 1000).toFixed(1);

async function freshness(url: string, scratch: string, preset: PresetName): Promise<void> {
  await seedDatabase(url, { preset });
  const client = new Client({ connectionString: url });
  await client.connect();
  let organization: string;
  let episodes: string[];
  try {
    organization = (await client.query<{ name: string }>('SELECT name FROM organizations ORDER BY id LIMIT 1')).rows[0]
      .name;
    episodes = (
      await client.query<{ source_id: string }>(
        `SELECT source_id FROM episodes WHERE discharge_date IS NULL AND source_system = 'synth' ORDER BY id LIMIT 1000`,
      )
    ).rows.map((row) => row.source_id);
  } finally {
    await client.end();
  }
  const file = path.join(scratch, 'delta', 'appointments.csv');
  await mkdir(path.dirname(file), { recursive: true });
  const lines = [
    'source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id',
  ];
  for (let index = 0; index < 10_000; index += 1) {
    lines.push(`delta-${index},${episodes[index % episodes.length]},group,2026-06-29T15:00:00Z,60,in_person,attended,`);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  const started = performance.now();
  const stages: string[] = [];
  const outcome = await runImport(url, {
    onProgress: ({ stage }) => {
      if (!stages.at(-1)?.startsWith(stage)) stages.push(`${stage} at ${secondsSince(started)} s`);
    },
    organization,
    sourceSystem: 'synth',
    mode: 'merge',
    dryRun: false,
    files: [{ path: file, name: 'appointments.csv' }],
    patientKeySecret: SECRET,
    via: 'cli',
  });
  if (outcome.status !== 'succeeded') throw new Error(`delta: ${outcome.status} ${outcome.error ?? ''}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `| delta of 10,000 appointments into the ${preset} network, until committed | 10000 | ${seconds.toFixed(1)} | ${Math.round(10_000 / seconds)} | |`,
  );
  console.log(`stages of the delta: ${stages.join(', ')}`);
}
