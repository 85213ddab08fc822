import { readFile } from 'node:fs/promises';
import type { RequestRecord, Step } from './load-sessions';

/** The q-quantile of the values (nearest rank), or NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0));

/** Counts of each outcome other than 'ok', e.g. "503 x 1,204, ECONNREFUSED x 3"; "none" when all were ok. */
export function failures(records: readonly RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (record.outcome !== 'ok') counts.set(record.outcome, (counts.get(record.outcome) ?? 0) + 1);
  }
  if (counts.size === 0) return 'none';
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, count]) => `${outcome} x ${count.toLocaleString('en-US')}`)
    .join(', ');
}

/** Requests, errors, requests/s and latency percentiles of a span of the run, overall and per step. */
export function latencyTable(records: readonly RequestRecord[], seconds: number): string[] {
  const row = (name: string, subset: readonly RequestRecord[]) => {
    const times = subset.map((record) => record.endedAt - record.startedAt);
    const errors = subset.filter((record) => record.outcome !== 'ok').length;
    return (
      `| ${name} | ${subset.length.toLocaleString('en-US')} | ${errors.toLocaleString('en-US')} | ` +
      `${(subset.length / seconds).toFixed(1)} | ${ms(quantile(times, 0.5))} | ${ms(quantile(times, 0.95))} | ` +
      `${ms(quantile(times, 0.99))} | ${ms(Math.max(...times))} |`
    );
  };
  const steps = [...new Set(records.map((record) => record.step))] as Step[];
  return [
    '| requests | count | errors | per s | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('**all**', records),
    ...steps.map((step) =>
      row(
        step,
        records.filter((record) => record.step === step),
      ),
    ),
  ];
}

/** The endpoints that took the most time in all (count x mean), with their percentiles: where the time goes. */
export function endpointTable(records: readonly RequestRecord[], top = 8): string[] {
  const byEndpoint = new Map<string, number[]>();
  for (const record of records) {
    const times = byEndpoint.get(record.endpoint) ?? [];
    times.push(record.endedAt - record.startedAt);
    byEndpoint.set(record.endpoint, times);
  }
  const total = (times: number[]) => times.reduce((sum, time) => sum + time, 0);
  const rows = [...byEndpoint.entries()].sort((a, b) => total(b[1]) - total(a[1])).slice(0, top);
  return [
    '| endpoint (most time in all first) | count | p50 ms | p95 ms | share of all request time |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      ([endpoint, times]) =>
        `| \`${endpoint}\` | ${times.length.toLocaleString('en-US')} | ${ms(quantile(times, 0.5))} | ` +
        `${ms(quantile(times, 0.95))} | ${((100 * total(times)) / total(records.map((r) => r.endedAt - r.startedAt))).toFixed(0)} % |`,
    ),
  ];
}

/** A sample of the API process's resident memory, and the CPU seconds it had used by then. */
export interface RssSample {
  atSeconds: number;
  mb: number;
  cpuSeconds: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Samples the resident memory and CPU time of process `pid` every `everyMs` until stopped. */
export function sampleRss(pid: number, startedAt: () => number, everyMs = 1000) {
  const samples: RssSample[] = [];
  const read = async () => {
    const [status, stat] = await Promise.all([
      readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''),
      readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''),
    ]);
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    // utime and stime are the 14th and 15th fields; the 2nd (the command) may hold spaces, so count after it.
    const times = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(times[11]) + Number(times[12])) / TICKS_PER_SECOND;
    if (kb) samples.push({ atSeconds: startedAt() / 1000, mb: Number(kb) / 1024, cpuSeconds });
  };
  const timer = setInterval(() => void read(), everyMs);
  void read();
  return {
    samples,
    stop: () => clearInterval(timer),
  };
}

/**
 * The RSS over the run, every `bucketSeconds` (the highest sample of each bucket), and whether it is flat: the
 * mean of the last third against the mean of the second third (the first third is the warm-up: caches fill).
 */
export function rssReport(samples: readonly RssSample[], bucketSeconds = 30): string[] {
  if (samples.length === 0) return ['(no RSS samples: /proc is not available)'];
  const buckets = new Map<number, number>();
  for (const { atSeconds, mb } of samples) {
    const bucket = Math.floor(atSeconds / bucketSeconds) * bucketSeconds;
    buckets.set(bucket, Math.max(buckets.get(bucket) ?? 0, mb));
  }
  const third = Math.floor(samples.length / 3);
  const mean = (part: readonly RssSample[]) => part.reduce((sum, sample) => sum + sample.mb, 0) / part.length;
  const middle = mean(samples.slice(third, 2 * third));
  const last = mean(samples.slice(2 * third));
  return [
    `API RSS (MB, highest sample per ${bucketSeconds} s): ` +
      [...buckets.entries()].map(([at, mb]) => `${at} s ${mb.toFixed(0)}`).join(', '),
    `API RSS mean, second third of the run ${middle.toFixed(0)} MB, last third ${last.toFixed(0)} MB ` +
      `(${last >= middle ? '+' : ''}${(last - middle).toFixed(0)} MB); peak ${Math.max(...samples.map((s) => s.mb)).toFixed(0)} MB`,
    `API process CPU: ${cpuShare(samples)} % of one core on average (the rest of the machine: PostgreSQL, the users, other work)`,
  ];
}

function cpuShare(samples: readonly RssSample[]): string {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const elapsed = last.atSeconds - first.atSeconds;
  return elapsed > 0 ? ((100 * (last.cpuSeconds - first.cpuSeconds)) / elapsed).toFixed(0) : '-';
}
