import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import type { Mismatch } from './compare-checks';
import type { Question } from './compare-questions';

/** One line of the table: a question asked by one user with one filter, timed on each engine (ms). */
export interface CompareRow {
  question: string;
  who: string;
  filter: string;
  /** The API's failure (its status and message), when a call failed: the row then has no API times. */
  apiError: string | null;
  apiP50: number | null;
  apiP95: number | null;
  coldP50: number | null;
  coldMax: number | null;
  sqlP50: number | null;
  duckDbP50: number | null;
}

/** What the run was: for the table's heading. */
export interface CompareRun {
  preset: string;
  episodes: number;
  appointments: number;
  runs: number;
  coldRuns: number;
  duckDbLoadSeconds: number;
  startedAt: Date;
}

const ms = (value: number | null): string => {
  if (value === null) return '';
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
};

/** The machine as os.cpus() and os.totalmem() describe it. */
export function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `${cores.length} x ${model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.versions.node}`;
}

export function heading(run: CompareRun): string {
  return (
    `bench:compare ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${run.preset} preset ` +
    `(${run.episodes.toLocaleString('en-US')} episodes, ${run.appointments.toLocaleString('en-US')} appointments), ` +
    `${machine()}; warm: median and p95 of ${run.runs} calls after one warm-up; cold: median (and max) of ` +
    `${run.coldRuns} calls, each after a new data version; plain SQL and DuckDB: median of ${run.runs} runs; ` +
    `DuckDB copy of the base tables ${run.duckDbLoadSeconds.toFixed(1)} s`
  );
}

/** The table as Markdown, with a footnote for each question the SQL answers only in part. */
export function markdownTable(rows: readonly CompareRow[], questions: readonly Question[]): string[] {
  const notes = questions.filter((question) => question.sqlCovers);
  const mark = (name: string) => {
    const index = notes.findIndex((question) => question.name === name);
    return index < 0 ? '' : ` [${index + 1}]`;
  };
  const lines = [
    '| question | who | filter | API warm p50 ms | p95 ms | cold p50 (max) ms | plain SQL ms | DuckDB ms |',
    '|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const hasSql = row.sqlP50 !== null;
    const cold = row.coldP50 === null ? '' : `${ms(row.coldP50)} (${ms(row.coldMax)})`;
    const api = row.apiError
      ? `failed: ${row.apiError} | | ${cold}`
      : `${ms(row.apiP50)} | ${ms(row.apiP95)} | ${cold}`;
    lines.push(
      `| ${row.question}${hasSql ? mark(row.question) : ''} | ${row.who} | ${row.filter} | ${api} | ` +
        `${ms(row.sqlP50)} | ${ms(row.duckDbP50)} |`,
    );
  }
  if (notes.length) lines.push('');
  notes.forEach((question, index) => lines.push(`- [${index + 1}] plain SQL and DuckDB: ${question.sqlCovers}.`));
  return lines;
}

export function mismatchLines(mismatches: readonly Mismatch[]): string[] {
  if (mismatches.length === 0) return ['Answers checked: no mismatch.'];
  return mismatches.flatMap((mismatch) => [
    `MISMATCH ${mismatch.question} (${mismatch.who}), ${mismatch.between}:`,
    `  ${mismatch.left}`,
    `  ${mismatch.right}`,
  ]);
}

const startMarker = (preset: string) => `<!-- bench:compare ${preset} start -->`;
const endMarker = (preset: string) => `<!-- bench:compare ${preset} end -->`;

/**
 * Replaces what stands between the preset's marker comments in the document with `lines`; the markers are
 * written by hand into the section "API against plain SQL and DuckDB", so that a run cannot move the prose.
 */
export async function writeIntoDocs(file: string, preset: string, lines: readonly string[]): Promise<void> {
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(startMarker(preset));
  const end = text.indexOf(endMarker(preset));
  if (start < 0 || end < start) {
    throw new Error(`${file} has no "${startMarker(preset)}" ... "${endMarker(preset)}" pair to write between`);
  }
  const before = text.slice(0, start + startMarker(preset).length);
  await writeFile(file, `${before}\n\n${lines.join('\n')}\n\n${text.slice(end)}`);
}
