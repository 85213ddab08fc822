import { runCli } from '@iop/db-server';
import { addDays, format, parseISO, subMonths } from 'date-fns';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { apiAnswerCheckable, apiAnswerRows, canonicalRows, compareAnswers, type Mismatch } from './compare-checks';
import { copyIntoDuckDb, type DuckDbCopy } from './compare-duckdb';
import {
  DUCKDB_DIALECT,
  pathWithFilter,
  POSTGRES_DIALECT,
  QUESTIONS,
  type Question,
  type QuestionScope,
} from './compare-questions';
import {
  ApiCallFailed,
  coldApiTimings,
  duckDbTimings,
  postgresTimings,
  quantile,
  signIn,
  warmApiTimings,
  type ApiCaller,
} from './compare-runners';
import { heading, markdownTable, mismatchLines, writeIntoDocs, type CompareRow } from './compare-table';
import { startLoadApi } from './load-api';
import { createLoadAccounts, openLoadDatabase, type LoadAccount } from './load-database';

const USAGE = `usage: npm run bench:compare -- [--preset standard|large] [--data-dir <dir, kept and reused>] [--runs 7]
       [--cold-runs 3] [--only <parts of questions' names, comma-separated>] [--write-docs] [--api <built main.js>]`;

/** A user the questions are asked as: the API's caller, and the programs its scope allows (null: all). */
interface Asker {
  who: string;
  caller: ApiCaller;
  programIds: number[] | null;
}

/** The filters each question is asked with: none, and one of the programs over the last 12 months. */
interface FilterCase {
  label: string;
  filter: QuestionScope;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  const number = Number(value ?? fallback);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
  return number;
}

/** The SQL's scope: the asker's programs narrowed by the filter's. */
function sqlScope(asker: Asker, filter: QuestionScope): QuestionScope {
  const allowed = asker.programIds;
  const wanted = filter.programIds;
  const programIds =
    allowed === null ? wanted : wanted === null ? allowed : allowed.filter((id) => wanted.includes(id));
  return { programIds, from: filter.from };
}

/**
 * `npx nx build api && npm run bench:compare -- --preset large`: every endpoint the dashboard calls, as an admin
 * and as a director of two programs, unfiltered and with one program over the last 12 months: the built API warm
 * and cold, the same question in plain SQL on the base tables (PostgreSQL, the API's own database) and in DuckDB
 * (the same rows copied into memory). Checks that the engines give the same answers and prints every mismatch;
 * `--write-docs` writes the table into docs/PERFORMANCE.md. A benchmark, not a test.
 */
void runCli(async () => {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string' },
      'data-dir': { type: 'string' },
      runs: { type: 'string' },
      'cold-runs': { type: 'string' },
      only: { type: 'string' },
      'write-docs': { type: 'boolean' },
      api: { type: 'string' },
    },
  });
  const preset = values.preset ?? 'standard';
  const runs = positiveInteger(values.runs, 7, 'runs');
  const coldRuns = positiveInteger(values['cold-runs'], 3, 'cold-runs');
  const only = values.only?.split(',') ?? [];
  const questions = QUESTIONS.filter((question) => !only.length || only.some((part) => question.name.includes(part)));
  const startedAt = new Date();

  const scratch = values['data-dir'] ? null : await mkdtemp(path.join(tmpdir(), 'iop-compare-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
  if (scratch) await chmod(scratch, 0o755);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : path.join(scratch as string, 'pg');
  progress(`opening the ${preset} network in ${dataDir} (seeded when empty)`);
  const database = await openLoadDatabase(preset, dataDir);
  const client = new Client({ connectionString: database.url });
  let duckDb: DuckDbCopy | undefined;
  try {
    await client.connect();
    const password = randomBytes(12).toString('base64url');
    const accounts = await createLoadAccounts(database.url, { admin: 1, director: 1, payer: 0, quality: 0 }, password);
    const accountOf = (role: string) => accounts.find((account) => account.role === role) as LoadAccount;
    const [admin, director] = [accountOf('admin'), accountOf('director')];
    const network = await describeNetwork(client, director.email);
    progress(`copying the base tables into DuckDB`);
    duckDb = await copyIntoDuckDb(database.url);
    progress(`DuckDB holds ${JSON.stringify(duckDb.rows)} after ${duckDb.loadSeconds.toFixed(1)} s; starting the API`);
    // No background refit of the early-warning model: each cold call below makes a new data version (dozens a
    // minute, where real loads come a few times a day), and each would start a minute-long refit beside the calls.
    const api = await startLoadApi(database.url, values.api, { IOP_EARLY_WARNING_REFRESH_SECONDS: '0' });
    try {
      const askers: Asker[] = [
        { who: 'admin', caller: await signIn(api.base, admin.email, password), programIds: null },
        {
          who: 'director (2 programs)',
          caller: await signIn(api.base, director.email, password),
          programIds: network.directorPrograms,
        },
      ];
      const from = format(addDays(subMonths(parseISO(network.asOf), 12), 1), 'yyyy-MM-dd');
      const filters: FilterCase[] = [
        { label: 'none', filter: { programIds: null, from: null } },
        {
          label: `program ${network.directorPrograms[0]}, last 12 months`,
          filter: { programIds: [network.directorPrograms[0]], from },
        },
      ];
      const rows: CompareRow[] = [];
      const mismatches: Mismatch[] = [];
      for (const question of questions) {
        for (const asker of askers) {
          for (const filterCase of question.filtered ? filters : filters.slice(0, 1)) {
            const row = await askEverywhere(question, asker, filterCase, { client, duckDb, runs, coldRuns });
            rows.push(row.timings);
            mismatches.push(...row.mismatches);
            const figure = (value: number | null) => (value === null ? '-' : value.toFixed(0));
            progress(
              `${question.name} | ${asker.who} | ${filterCase.label}: API ${figure(row.timings.apiP50)} ms, ` +
                `cold ${figure(row.timings.coldP50)} ms, SQL ${figure(row.timings.sqlP50)} ms, ` +
                `DuckDB ${figure(row.timings.duckDbP50)} ms`,
            );
          }
        }
      }
      const lines = [
        heading({
          preset,
          episodes: database.episodes,
          appointments: network.appointments,
          runs,
          coldRuns,
          duckDbLoadSeconds: duckDb.loadSeconds,
          startedAt,
        }),
        '',
        ...markdownTable(rows, questions),
      ];
      console.log(`\n${lines.join('\n')}\n`);
      console.log(mismatchLines(mismatches).join('\n'));
      const apiErrors = api.lines.filter((line) => /\bERROR\b/.test(line));
      if (apiErrors.length)
        console.log(`\nThe API's errors (${apiErrors.length}):\n${apiErrors.slice(-10).join('\n')}`);
      if (values['write-docs']) {
        await writeIntoDocs('docs/PERFORMANCE.md', preset, lines);
        progress('written into docs/PERFORMANCE.md (run npx prettier --write docs/PERFORMANCE.md)');
      }
      if (mismatches.length || rows.some((row) => row.apiError)) process.exitCode = 1;
    } finally {
      api.kill();
    }
  } finally {
    duckDb?.close();
    await client.end();
    await database.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
});

interface Engines {
  client: Client;
  duckDb: DuckDbCopy;
  runs: number;
  coldRuns: number;
}

/** One question for one asker and filter: the API warm and cold, then plain SQL and DuckDB, and the checks. */
async function askEverywhere(
  question: Question,
  asker: Asker,
  filterCase: FilterCase,
  engines: Engines,
): Promise<{ timings: CompareRow; mismatches: Mismatch[] }> {
  const apiPath = pathWithFilter(question, filterCase.filter);
  const timings: CompareRow = {
    question: question.name,
    who: asker.who,
    filter: filterCase.label,
    apiError: null,
    apiP50: null,
    apiP95: null,
    coldP50: null,
    coldMax: null,
    sqlP50: null,
    duckDbP50: null,
  };
  // A failed call (a 500, a timeout) is a figure of the run, not the end of it: the row says so.
  let apiBody: unknown = undefined;
  try {
    const warm = await warmApiTimings(asker.caller, apiPath, engines.runs);
    apiBody = warm.body;
    timings.apiP50 = quantile(warm.times, 0.5);
    timings.apiP95 = quantile(warm.times, 0.95);
    const cold = await coldApiTimings(asker.caller, engines.client, apiPath, engines.coldRuns);
    timings.coldP50 = quantile(cold.times, 0.5);
    timings.coldMax = quantile(cold.times, 1);
  } catch (error) {
    if (!(error instanceof ApiCallFailed)) throw error;
    timings.apiError = `HTTP ${error.status}`;
    progress(`${question.name} | ${asker.who} | ${filterCase.label}: ${error.message}`);
  }
  const mismatches: Mismatch[] = [];
  if (question.sql) {
    const scope = sqlScope(asker, question.filtered ? filterCase.filter : NO_FILTER);
    const postgres = await postgresTimings(engines.client, question.sql(scope, POSTGRES_DIALECT), engines.runs);
    const duckDb = await duckDbTimings(engines.duckDb.connection, question.sql(scope, DUCKDB_DIALECT), engines.runs);
    timings.sqlP50 = quantile(postgres.times, 0.5);
    timings.duckDbP50 = quantile(duckDb.times, 0.5);
    const where = { question: question.name, who: `${asker.who}, ${filterCase.label}` };
    const sqlAnswer = canonicalRows(postgres.rows);
    const found = [compareAnswers({ ...where, between: 'plain SQL / DuckDB' }, sqlAnswer, canonicalRows(duckDb.rows))];
    if (apiBody !== undefined && apiAnswerCheckable(question.name)) {
      found.push(
        compareAnswers({ ...where, between: 'API / plain SQL' }, apiAnswerRows(question.name, apiBody), sqlAnswer),
      );
    }
    mismatches.push(...found.filter((mismatch): mismatch is Mismatch => mismatch !== null));
  }
  return { timings, mismatches };
}

const NO_FILTER: QuestionScope = { programIds: null, from: null };

/** The data's as-of date, the number of appointments and the director's two programs. */
async function describeNetwork(
  client: Client,
  directorEmail: string,
): Promise<{ asOf: string; appointments: number; directorPrograms: number[] }> {
  const { rows } = await client.query<{ as_of: string | null; appointments: string; programs: number[] | null }>(
    `SELECT to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD') AS as_of,
            (SELECT count(*) FROM appointments) AS appointments,
            (SELECT array_agg(up.program_id ORDER BY up.program_id)
             FROM user_programs up JOIN users u ON u.id = up.user_id WHERE lower(u.email) = lower($1)) AS programs`,
    [directorEmail],
  );
  const row = rows[0];
  if (row.as_of === null || row.programs === null || row.programs.length === 0) {
    throw new Error('the network has no as-of date or the director no program: was it seeded?');
  }
  return { asOf: row.as_of, appointments: Number(row.appointments), directorPrograms: row.programs };
}

function progress(message: string): void {
  process.stderr.write(`[bench:compare ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
