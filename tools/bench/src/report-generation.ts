import type { ReportJob, ReportKind } from '@iop/contracts';
import { runCli } from '@iop/db-server';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withSeededApi } from './seeded-api';

/**
 * `npx nx build api && npm run bench:report -- [--preset standard] [--runs 3] [--out dir]`: seeds a fresh embedded
 * PostgreSQL, starts the built API, and as the admin generates each PDF report variant `runs` times through the
 * job queue (POST /api/v1/reports, then GET /api/v1/reports/:id until it is done), reporting the time from the
 * request to a stored PDF, its pages and size. The first outcomes run is cold: it computes the evidence board.
 * With --out, the last PDF of each variant is saved there to be looked at.
 */
void runCli(async () => {
  const { values } = parseArgs({
    options: { preset: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' } },
  });
  const preset = values.preset ?? 'standard';
  const runs = Number(values.runs ?? 3);
  await withSeededApi({ preset }, async ({ base, authorization }) => {
    const headers = { authorization, 'content-type': 'application/json' };
    console.log('| preset | report | run | seconds to stored PDF | pages | KB |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const kind of ['outcomes', 'payer'] satisfies ReportKind[]) {
      for (let run = 1; run <= runs; run++) {
        const started = performance.now();
        const created = await fetch(`${base}/api/v1/reports`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ kind }),
        });
        if (created.status !== 202) throw new Error(`POST /api/v1/reports answered ${created.status}`);
        const job = await finished(base, authorization, ((await created.json()) as ReportJob).id);
        const seconds = (performance.now() - started) / 1000;
        if (job.status !== 'succeeded') throw new Error(`report ${job.id} ${job.status}: ${job.error}`);
        if (values.out && run === runs) {
          const pdf = await fetch(`${base}${job.downloadPath}`, { headers: { authorization } });
          await writeFile(path.join(values.out, `${kind}-report-${preset}.pdf`), Buffer.from(await pdf.arrayBuffer()));
        }
        console.log(
          `| ${preset} | ${kind} | ${run} | ${seconds.toFixed(2)} | ${job.pageCount} | ${Math.round((job.sizeBytes ?? 0) / 1024)} |`,
        );
      }
    }
  });
});

/** Polls the job every 50 ms until it succeeded or failed (two minutes at most). */
async function finished(base: string, authorization: string, id: string): Promise<ReportJob> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const job = (await (
      await fetch(`${base}/api/v1/reports/${id}`, { headers: { authorization } })
    ).json()) as ReportJob;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`report ${id} did not finish within two minutes`);
}
