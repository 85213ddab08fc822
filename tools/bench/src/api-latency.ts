import { runCli } from '@iop/db-server';
import { parseArgs } from 'node:util';
import { withSeededApi } from './seeded-api';

/** The endpoints of the metrics engine, each as the dashboard calls it (no filter: the whole network). */
const ENDPOINTS = [
  '/api/v1/metrics/summary',
  '/api/v1/metrics/trend?metric=attendanceRate&interval=month',
  '/api/v1/metrics/breakdown?metric=completionRate&by=program',
  '/api/v1/metrics/breakdown?metric=attendanceRate&by=slot',
  '/api/v1/metrics/flow',
  '/api/v1/metrics/discharge-reasons',
  '/api/v1/attendance/heatmap',
  '/api/v1/attendance/compliance',
  '/api/v1/attendance/hours',
  '/api/v1/attendance/no-shows',
  '/api/v1/retention?groupBy=levelOfCare',
  '/api/v1/retention?groupBy=groupTercile',
  '/api/v1/retention?groupBy=mat',
  '/api/v1/costs/summary',
  '/api/v1/quality/measures',
  '/api/v1/quality/measures/pod',
  '/api/v1/evidence',
];

/**
 * `npm run bench:api -- [--preset standard] [--calls 15]`: seeds a fresh embedded PostgreSQL, starts the
 * built API against it, and reports the median and 90th percentile of warm calls per endpoint, for
 * docs/PERFORMANCE.md (target: every endpoint under 300 ms median at the standard preset).
 */
void runCli(async () => {
  const { values } = parseArgs({ options: { preset: { type: 'string' }, calls: { type: 'string' } } });
  const preset = values.preset ?? 'standard';
  const calls = Number(values.calls ?? 15);
  await withSeededApi({ preset }, async ({ seeded, base, authorization }) => {
    const timedGet = async (url: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return performance.now() - started;
    };
    console.log(`${preset} preset: ${seeded.rows['episodes']} episodes; ${calls} warm calls per endpoint`);
    console.log('| endpoint | median ms | p90 ms |');
    console.log('|---|---:|---:|');
    for (const endpoint of ENDPOINTS) {
      for (let i = 0; i < 3; i += 1) await timedGet(base + endpoint);
      const times: number[] = [];
      for (let i = 0; i < calls; i += 1) times.push(await timedGet(base + endpoint));
      console.log(`| \`${endpoint}\` | ${percentile(times, 0.5)} | ${percentile(times, 0.9)} |`);
    }
    // The board is cached per filter, so a cold board is timed with a filter no call has used yet.
    const cold: number[] = [];
    for (let day = 1; day <= Math.min(calls, 28); day += 1) {
      cold.push(await timedGet(`${base}/api/v1/evidence?to=2026-06-${String(day).padStart(2, '0')}`));
    }
    console.log(
      `| \`/api/v1/evidence?to=<a new date each call>\` (cold) | ${percentile(cold, 0.5)} | ${percentile(cold, 0.9)} |`,
    );
  });
});

/** The q-quantile of the times (nearest rank), in whole milliseconds. */
function percentile(times: readonly number[], q: number): string {
  const sorted = [...times].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
}
