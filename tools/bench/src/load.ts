import type { UserRole } from '@iop/contracts';
import { runCli } from '@iop/db-server';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startLoadApi } from './load-api';
import { createLoadAccounts, openLoadDatabase, reportOutcomes } from './load-database';
import {
  databaseFault,
  databaseFaultReport,
  sigtermFault,
  sigtermFaultReport,
  type DatabaseFault,
  type SigtermFault,
} from './load-faults';
import { LoadRecorder, runVirtualUser } from './load-sessions';
import { endpointTable, failures, latencyTable, rssReport, sampleRss } from './load-stats';

const USAGE = `usage: npm run bench:load -- [--users 100] [--seconds 300] [--think-ms 3000] [--fault none|db|sigterm]
       [--outage-seconds 20] [--preset standard] [--data-dir <dir, kept and reused between runs>]
       [--api <built main.js, default dist/apps/api/main.js>]`;

/** The share of each role among the virtual users: an organisation's directors, payers, quality staff, admins. */
const ROLE_SHARES: Record<UserRole, number> = { director: 0.4, payer: 0.3, quality: 0.2, admin: 0.1 };
/** Virtual users start one after another over this long, not all at the same instant. */
const RAMP_UP_MS = 10_000;

/**
 * The connections of user `i`: kept alive like a browser's, from a loopback address of its own (Linux routes
 * all of 127.0.0.0/8 to the loopback), so that the API sees 100 clients and not one, as behind 100 browsers.
 */
function userAgent(i: number): Agent {
  return new Agent({ keepAlive: true, localAddress: `127.0.${1 + Math.floor(i / 250)}.${2 + (i % 250)}` });
}

/** Users per role by ROLE_SHARES, at least one of each (the database fault signs in as an admin). */
function roleCounts(users: number): Record<UserRole, number> {
  if (users < 4) throw new Error(`--users must be at least 4 (one of each role)\n${USAGE}`);
  const share = (role: UserRole) => Math.max(1, Math.floor(users * ROLE_SHARES[role]));
  const counts = { director: 0, payer: share('payer'), quality: share('quality'), admin: share('admin') };
  counts.director = users - counts.payer - counts.quality - counts.admin;
  return counts;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  const number = Number(value ?? fallback);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number\n${USAGE}`);
  return number;
}

/**
 * `npx nx build api && npm run bench:load`: 100 virtual users (40 % directors, 30 % payers, 20 % quality, 10 %
 * admins, each with an account of their own) follow dashboard sessions (load-sessions.ts) against the built API
 * on the standard network for 5 minutes, and the run reports errors, latency percentiles, requests/s and the
 * API's resident memory over time. `--fault db` stops the database for 20 s in the middle, `--fault sigterm`
 * sends SIGTERM to the API in the middle; docs/PERFORMANCE.md "Load and faults" has the figures.
 */
void runCli(async () => {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      seconds: { type: 'string' },
      'think-ms': { type: 'string' },
      fault: { type: 'string' },
      'outage-seconds': { type: 'string' },
      preset: { type: 'string' },
      'data-dir': { type: 'string' },
      api: { type: 'string' },
    },
  });
  const users = Math.round(positive(values.users, 100, 'users'));
  const seconds = positive(values.seconds, 300, 'seconds');
  const thinkMs = positive(values['think-ms'], 3000, 'think-ms');
  const outageMs = positive(values['outage-seconds'], 20, 'outage-seconds') * 1000;
  const fault = values.fault ?? 'none';
  if (!['none', 'db', 'sigterm'].includes(fault)) throw new Error(`--fault must be none, db or sigterm\n${USAGE}`);
  const preset = values.preset ?? 'standard';

  const scratch = values['data-dir'] ? null : await mkdtemp(path.join(tmpdir(), 'iop-load-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
  if (scratch) await chmod(scratch, 0o755);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : path.join(scratch as string, 'pg');
  const database = await openLoadDatabase(preset, dataDir);
  try {
    const password = randomBytes(12).toString('base64url');
    const counts = roleCounts(users);
    const accounts = await createLoadAccounts(database.url, counts, password);
    const api = await startLoadApi(database.url, values.api);
    try {
      const recorder = new LoadRecorder();
      const runStartedAt = new Date();
      let stopAt = seconds * 1000;
      const rss = sampleRss(api.pid, () => recorder.now());
      const virtualUsers = accounts.map(async (account, i) => {
        await delay((i * RAMP_UP_MS) / accounts.length);
        await runVirtualUser({
          base: api.base,
          agent: userAgent(i),
          email: account.email,
          password,
          role: account.role,
          recorder,
          thinkMs,
          done: () => recorder.now() >= stopAt,
        });
      });
      const admin = { email: accounts.find((account) => account.role === 'admin')?.email ?? '', password };
      let dbFault: DatabaseFault | null = null;
      let termFault: SigtermFault | null = null;
      if (fault === 'db') {
        dbFault = await databaseFault(api, database, recorder, admin, (seconds * 1000) / 2, outageMs);
      } else if (fault === 'sigterm') {
        termFault = await sigtermFault(api, recorder, (seconds * 1000) / 2);
        // The users go on for two more seconds, to meet the closed door, then stop.
        stopAt = recorder.now() + 2000;
      }
      await Promise.all(virtualUsers);
      rss.stop();
      const endedAt = recorder.now();

      const records = recorder.records;
      const normalEnd = dbFault?.stoppedAt ?? termFault?.sentAt ?? endedAt;
      // Requests in flight when the fault began belong to the fault's figures.
      const normal = records.filter((record) => record.endedAt < normalEnd);
      const header =
        `bench:load ${runStartedAt.toISOString().slice(0, 10)}: ${preset} preset (${database.episodes.toLocaleString('en-US')} ` +
        `episodes${database.reused ? ', reused' : ''}), ${users} users (${counts.director} directors, ${counts.payer} payers, ` +
        `${counts.quality} quality, ${counts.admin} admin${counts.admin === 1 ? '' : 's'}), ${seconds} s, think time ${thinkMs} ms (each pause ` +
        `${thinkMs / 2}-${(thinkMs * 3) / 2} ms), fault ${fault}`;
      console.log(`\n${header}\n`);
      console.log(
        `${fault === 'none' ? 'The run' : 'Before the fault'} (${(normalEnd / 1000).toFixed(0)} s): errors: ` +
          `${failures(normal)}; report PDFs ` +
          `(payers) ${recorder.reportSeconds.length}, median ${median(recorder.reportSeconds)} s from request to ready\n`,
      );
      console.log(latencyTable(normal, normalEnd / 1000).join('\n'));
      console.log('');
      console.log(endpointTable(normal).join('\n'));
      console.log('');
      console.log(rssReport(rss.samples.filter((sample) => sample.atSeconds * 1000 < normalEnd)).join('\n'));
      if (dbFault) {
        console.log('\nDatabase stopped in the middle of the run:\n');
        console.log((await databaseFaultReport(dbFault, api, database, records, runStartedAt)).join('\n'));
        console.log('\nThe whole run, fault included:\n');
        console.log(latencyTable(records, endedAt / 1000).join('\n'));
      } else if (termFault) {
        console.log('\nSIGTERM to the API in the middle of the run:\n');
        console.log(sigtermFaultReport(termFault, api, records).join('\n'));
      } else {
        const jobs = await reportOutcomes(database.url, runStartedAt);
        console.log(
          `\nReport jobs of the run: ${jobs.requested}; succeeded ${jobs.succeeded}, failed ${jobs.failed}, ` +
            `unfinished ${jobs.unfinished}, retried ${jobs.retried}`,
        );
      }
      console.log(`\n${apiLogSummary(api.lines).join('\n')}`);
    } finally {
      api.kill();
    }
  } finally {
    await database.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
});

function median(values: readonly number[]): string {
  if (values.length === 0) return '-';
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)].toFixed(1);
}

/** The API's warnings and errors, each distinct message once with its count (production logs only those). */
function apiLogSummary(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    // "[Nest] 123  - 12/07/2026, 12:20:51 AM   WARN [Database] message": the level, the context and the message.
    const match = /(WARN|ERROR)\s+\[(\w+)\]\s+(.*)$/.exec(line);
    if (!match) continue;
    const message = `${match[1]} [${match[2]}] ${match[3].replace(/\d+(\.\d+)?/g, 'N').slice(0, 160)}`;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  if (counts.size === 0) return ['API log: no warnings or errors'];
  return ['API log (warnings and errors, numbers as N):', ...[...counts].map(([message, n]) => `- ${n} x ${message}`)];
}
