import { IMPORT_ENTITIES } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { SMALL_EXPORT, TEST_PATIENT_KEY_SECRET, writeExport } from '../../testing/csv-fixture';
import type { ImportRequest } from './import-request';
import { runImport } from './run-import';

/** Every table an import writes, and the organisation's rows it creates or stamps. */
const IMPORTED_TABLES = [...IMPORT_ENTITIES, 'organizations', 'settings', 'dataset_meta'];

/** Many appointments for episode E1, so that the merge takes long enough to be caught in the middle. */
function manyAppointments(count: number, prefix: string): string {
  const lines = [
    'source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id',
  ];
  for (let index = 0; index < count; index += 1) {
    const minute = String(index % 60).padStart(2, '0');
    lines.push(`${prefix}${index},E1,group,2026-01-05T09:${minute}:00-06:00,60,in_person,attended,S1`);
  }
  return `${lines.join('\n')}\n`;
}

describe('all or nothing under faults and concurrency', () => {
  let database: TestDatabase;
  let client: Client;

  const request = (files: ImportRequest['files']): ImportRequest => ({
    organization: 'Lakeside Recovery',
    sourceSystem: 'kipu-east',
    mode: 'merge',
    dryRun: false,
    files,
    patientKeySecret: TEST_PATIENT_KEY_SECRET,
    via: 'cli',
  });

  /** Row counts and a checksum of every imported table's rows. */
  const snapshot = async (): Promise<Record<string, string>> => {
    const result: Record<string, string> = {};
    for (const table of IMPORTED_TABLES) {
      const { rows } = await client.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::integer AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
      );
      result[table] = `${rows[0].n}:${rows[0].digest ?? ''}`;
    }
    return result;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    const exported = await writeExport(SMALL_EXPORT);
    expect((await runImport(database.url, request(exported.files))).status).toBe('succeeded');
    await exported.remove();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('a process killed with SIGKILL in the middle of the merge leaves every table byte for byte as before', async () => {
    const before = await snapshot();
    const exported = await writeExport({ 'appointments.csv': manyAppointments(300_000, 'K') });
    // node itself, with tsx as a loader: the tsx command would run the script in a grandchild that SIGKILL misses.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'libs/import/src/testing/import-child.ts',
        database.url,
        ...exported.files.map((file) => file.path),
      ],
      { stdio: 'ignore', env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' } },
    );
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let stage: string | null = null;
    for (let attempt = 0; attempt < 6_000 && stage !== 'writing'; attempt += 1) {
      await sleep(10);
      const { rows } = await client.query<{ stage: string | null }>(
        `SELECT stage FROM imports WHERE status = 'running'`,
      );
      stage = rows[0]?.stage ?? null;
    }
    expect(stage).toBe('writing');
    child.kill('SIGKILL');
    await exited;
    // The server ends the dead client's transaction (rolled back) once it notices the closed socket.
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      if (rows[0].n === 0) break;
      await sleep(100);
    }
    await exported.remove();
    expect(await snapshot()).toEqual(before);
  });

  it('a second import into the same source while one runs is refused with a clear message, not interleaved', async () => {
    const before = await snapshot();
    const slow = await writeExport({ 'appointments.csv': manyAppointments(100_000, 'L') });
    const quick = await writeExport({ 'appointments.csv': manyAppointments(1, 'Q') });
    let second: Promise<Awaited<ReturnType<typeof runImport>>> | null = null;
    const first = runImport(database.url, {
      ...request(slow.files),
      dryRun: true,
      onProgress: (update) => {
        if (second === null && update.progress.rowsRead > 1_000) second = runImport(database.url, request(quick.files));
      },
    });
    const firstOutcome = await first;
    expect(second).not.toBeNull();
    const secondOutcome = await (second as unknown as ReturnType<typeof runImport>);
    await slow.remove();
    await quick.remove();
    expect(firstOutcome.status).toBe('succeeded');
    expect(secondOutcome.status).toBe('failed');
    expect(secondOutcome.error).toBe(
      'another import into source kipu-east of Lakeside Recovery is running; try again when it has finished',
    );
    expect(await snapshot()).toEqual(before);
  });
});
