import { runCli } from '@iop/db-server';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { withSeededApi } from './seeded-api';

/**
 * `npx nx build api && npm run bench:export -- [--preset standard] [--episodes 1000000] [--api-heap-mb 64]
 * [--format csv --format xlsx]`: seeds a fresh embedded PostgreSQL, optionally clones its episodes (without
 * their appointments) up to --episodes rows so that the export has a million rows to stream, starts the built
 * API, downloads the episode exports as the admin, and reports rows/s and the API process's resident memory:
 * sampled every 20 ms during the download (the API's process.memoryUsage().rss, read from /proc since it runs in
 * its own process) against its RSS at rest before, and the CPU seconds the API process and the database's client
 * backends and parallel workers spent on the download (utime + stime from /proc): on a busy machine the wall clock measures the
 * neighbours, the CPU seconds the export. Prints markdown rows for docs/PERFORMANCE.md.
 */
void runCli(async () => {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string' },
      episodes: { type: 'string' },
      // A V8 heap cap for the API: an export that held its rows would run out of memory under it.
      'api-heap-mb': { type: 'string' },
      format: { type: 'string', multiple: true },
    },
  });
  const heapFlags = values['api-heap-mb'] ? [`--max-old-space-size=${Number(values['api-heap-mb'])}`] : [];
  const formats = values.format ?? ['csv', 'xlsx'];
  const preset = values.preset ?? 'standard';
  const prepare = values.episodes ? (url: string) => cloneEpisodes(url, Number(values.episodes)) : undefined;
  await withSeededApi({ preset, prepare, nodeFlags: heapFlags }, async ({ databaseUrl, base, authorization, pid }) => {
    console.log(
      '| preset | format | rows | MB | seconds | rows/s | API RSS at rest MB | API peak RSS MB | API CPU s | PostgreSQL CPU s |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const format of formats) {
      const atRest = rssMegabytes(pid);
      const sampler = sampleRss(pid);
      const apiCpuBefore = cpuSeconds(pid);
      const databaseCpuBefore = await databaseCpuSeconds(databaseUrl);
      const started = performance.now();
      const result = await download(`${base}/api/v1/exports/episodes.${format}`, authorization);
      const seconds = (performance.now() - started) / 1000;
      const peak = sampler.stop();
      const apiCpu = cpuSeconds(pid) - apiCpuBefore;
      const databaseCpuAfter = await databaseCpuSeconds(databaseUrl);
      // A backend that was not there before (a new pool connection) counts in full.
      const databaseCpu = [...databaseCpuAfter.backends].reduce(
        (sum, [backend, cpu]) => sum + cpu - (databaseCpuBefore.backends.get(backend) ?? 0),
        databaseCpuAfter.endedChildren - databaseCpuBefore.endedChildren,
      );
      const label = `${values.episodes ? `${preset} + clones` : preset}${heapFlags.length ? `, heap ${values['api-heap-mb']} MB` : ''}`;
      if ('refused' in result) {
        // The XLSX row limit (apps/api/src/exports/xlsx-row-limit.ts) answers before the download starts.
        console.log(
          `| ${label} | ${format} | refused: ${result.refused} | | | | ${atRest.toFixed(0)} | ${peak.toFixed(0)} |`,
        );
        continue;
      }
      const { bytes, lines } = result;
      const rows = format === 'csv' ? lines - 1 : await exportedRowCount(databaseUrl);
      console.log(
        `| ${label} | ${format} | ${rows} | ${(bytes / 1e6).toFixed(1)} | ${seconds.toFixed(1)} | ` +
          `${Math.round(rows / seconds)} | ${atRest.toFixed(0)} | ${peak.toFixed(0)} | ${apiCpu.toFixed(1)} | ` +
          `${databaseCpu.toFixed(1)} |`,
      );
    }
  });
});

/** Copies of every episode (no appointments, screens or goals) until there are at least `target`; refreshes facts. */
async function cloneEpisodes(databaseUrl: string, target: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number; max: number }>(
      `SELECT count(*)::int AS count, max(id) AS max FROM episodes`,
    );
    const copies = Math.ceil(target / rows[0].count) - 1;
    if (copies < 1) return;
    // Ids above every existing one, so that the identity sequence is not involved.
    await client.query(
      `INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
         prior_discharge_date, admit_date, discharge_date, discharge_reason, discharge_reason_local, primary_substance,
         oud, severity, prior_episodes, payer, primary_counselor_id, family_involved, source_system, source_id)
       SELECT $1::int * c + e.id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
         prior_discharge_date, admit_date, discharge_date, discharge_reason, discharge_reason_local, primary_substance,
         oud, severity, prior_episodes, payer, primary_counselor_id, family_involved, 'bench-clone', c || '-' || e.id
       FROM episodes e CROSS JOIN generate_series(1, $2::int) AS c`,
      [rows[0].max, copies],
    );
    await client.query('SELECT refresh_episode_facts()');
  } finally {
    await client.end();
  }
}

/** The row count the last export wrote into the audit log (the workbook is not parsed here). */
async function exportedRowCount(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ row_count: number }>(
      `SELECT row_count FROM audit_events WHERE action = 'export.episodes' ORDER BY id DESC LIMIT 1`,
    );
    return rows[0].row_count;
  } finally {
    await client.end();
  }
}

/** The fields of /proc/<pid>/stat after the command name, which is in parentheses and may hold spaces. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) a process has used: fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s. */
function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * What the database has spent: each client backend's CPU seconds (the API's pool connections) by process id, and
 * those of the postmaster's children that have ended (fields 16 and 17: cutime + cstime), where the parallel
 * workers of a parallel plan end up, since they come and go within the query. The probe's own short connection
 * adds a few milliseconds there.
 */
async function databaseCpuSeconds(
  databaseUrl: string,
): Promise<{ backends: Map<number, number>; endedChildren: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const [probe] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    // The postmaster is every backend's parent (field 4).
    const ended = statFields(Number(statFields(probe.pid)[1]));
    return {
      backends: new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)])),
      endedChildren: (Number(ended[13]) + Number(ended[14])) / 100,
    };
  } finally {
    await client.end();
  }
}

/** Resident set size of a process in MB (VmRSS of /proc/<pid>/status). */
function rssMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function sampleRss(pid: number): { stop(): number } {
  let peak = rssMegabytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMegabytes(pid))), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMegabytes(pid));
    },
  };
}

/**
 * Reads the whole body as it arrives, counting bytes and newlines, without keeping it; a refusal (the XLSX row
 * limit's 422) comes back as its status and message.
 */
async function download(
  url: string,
  authorization: string,
): Promise<{ bytes: number; lines: number } | { refused: string }> {
  const response = await fetch(url, { headers: { authorization } });
  if (response.status === 422) {
    return { refused: `422 ${((await response.json()) as { message: string }).message}` };
  }
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { bytes, lines };
}
