import type { EvidenceAdjustedEffect, EvidenceEffect, EvidenceVerdict } from '@iop/contracts';
import type { CompressedRows, RowMajorMatrix } from '@iop/stats';
import type { EvidenceRow } from './evidence-rows.query';

/** METRICS.md: the board adjusts for these, each as a categorical factor. */
export const BOARD_COVARIATES = ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'];

/**
 * The labels of small whole numbers, made once: every adjusted fit codes every row's severity and prior episodes,
 * and String(n) made two new strings per row and fit for the collector.
 */
const SMALL_NUMBER_LABELS = Array.from({ length: 16 }, (_, n) => String(n));
const numberLabel = (n: number) => SMALL_NUMBER_LABELS[n] ?? String(n);

/** How the model codes each covariate, in BOARD_COVARIATES order; prior episodes are capped at 3 ("3+"). */
const BOARD_FACTORS: ReadonlyArray<(row: EvidenceRow) => string> = [
  (row) => row.ageBand,
  (row) => row.sex,
  (row) => row.substance,
  (row) => numberLabel(row.severity),
  (row) => (row.priorEpisodes >= 3 ? '3+' : numberLabel(row.priorEpisodes)),
  (row) => row.payer,
];

/** Levels of each covariate as the model codes them. */
export function covariateLevels(row: EvidenceRow): string[] {
  return BOARD_FACTORS.map((level) => level(row));
}

/**
 * Covariate levels with fewer episodes than this are pooled (METRICS.md's "n < 30 per group"): a handful of
 * episodes in a level (a 65+ age band, a rare payer) often all share one outcome, which separates the model
 * and leaves the board with no estimate at all.
 */
export const MIN_LEVEL_EPISODES = 30;
export const POOLED_LEVEL = '(pooled small levels)';

/** One categorical factor over the rows, coded as integers: row i is at level levels[codes[i]]. */
interface CodedFactor {
  levels: string[];
  codes: Int32Array;
  /** Rows per level code. */
  counts: number[];
}

function codeFactor<Row>(rows: readonly Row[], levelOf: (row: Row) => string): CodedFactor {
  const index = new Map<string, number>();
  const codes = new Int32Array(rows.length);
  const counts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const level = levelOf(rows[i]);
    let code = index.get(level);
    if (code === undefined) {
      code = index.size;
      index.set(level, code);
      counts.push(0);
    }
    codes[i] = code;
    counts[code]++;
  }
  return { levels: [...index.keys()], codes, counts };
}

/** Level codes by frequency, most frequent first, ties in sort order: the first is the reference. */
function codesByFrequency({ levels, counts }: CodedFactor): number[] {
  return levels.map((_, code) => code).sort((a, b) => counts[b] - counts[a] || levels[a].localeCompare(levels[b]));
}

/**
 * A factor with its small levels pooled: levels under `minLevelSize` become one pooled level, which joins the
 * most frequent level when it is itself still under the size.
 */
function poolSmallLevels(factor: CodedFactor, minLevelSize: number): CodedFactor {
  const [reference, ...others] = codesByFrequency(factor);
  const small = new Set(others.filter((code) => factor.counts[code] < minLevelSize));
  if (small.size === 0) return factor;
  const smallTotal = [...small].reduce((sum, code) => sum + factor.counts[code], 0);
  const levels: string[] = [];
  const counts: number[] = [];
  const recode = new Int32Array(factor.levels.length);
  factor.levels.forEach((level, code) => {
    if (small.has(code)) return;
    recode[code] = levels.push(level) - 1;
    counts.push(factor.counts[code]);
  });
  const target = smallTotal >= minLevelSize ? levels.push(POOLED_LEVEL) - 1 : recode[reference];
  if (target === counts.length) counts.push(0);
  for (const code of small) {
    recode[code] = target;
    counts[target] += factor.counts[code];
  }
  return { levels, codes: factor.codes.map((code) => recode[code]), counts };
}

/** One dummy column: rows of `factor` at level code `code` are 1. */
interface DummyColumn {
  factor: number;
  code: number;
  level: string;
  /** Rows at the level: a column with none, or with every row, is constant. */
  count: number;
}

/**
 * The dummy columns of categorical factors, factor by factor, each factor's non-reference levels in
 * frequency order; levels under `minLevelSize` rows are pooled first (poolSmallLevels).
 */
function dummyCoding(factors: readonly CodedFactor[], minLevelSize: number) {
  const coded = factors.map((factor) => (minLevelSize > 1 ? poolSmallLevels(factor, minLevelSize) : factor));
  const columns = coded.flatMap((factor, index) =>
    codesByFrequency(factor)
      .slice(1)
      .map((code): DummyColumn => ({ factor: index, code, level: factor.levels[code], count: factor.counts[code] })),
  );
  return { coded, columns };
}

/**
 * Dummy-coded columns of categorical factors (one array of levels per row, one entry per factor). Per factor
 * the most frequent level is the reference and is left out (ties: the first in sort order); a factor with a
 * single observed level contributes no column, so the design stays full rank when a filter fixes it. Levels
 * under `minLevelSize` rows are pooled first (poolSmallLevels).
 */
export function dummyColumns(
  levels: readonly (readonly string[])[],
  minLevelSize = 1,
): { names: string[]; rows: number[][] } {
  const factorCount = levels[0]?.length ?? 0;
  const factors = Array.from({ length: factorCount }, (_, factor) => codeFactor(levels, (row) => row[factor]));
  const { coded, columns } = dummyCoding(factors, minLevelSize);
  return {
    names: columns.map(({ factor, level }) => `${factor}:${level}`),
    rows: levels.map((_, i) => columns.map(({ factor, code }) => (coded[factor].codes[i] === code ? 1 : 0))),
  };
}

/**
 * One exposure as a design column: one buffer, not an array per episode (120,000 one-number arrays per fit were
 * a good part of the board's garbage collection).
 */
export const exposureColumn = (values: readonly number[]): RowMajorMatrix => ({
  rows: values.length,
  columns: 1,
  data: Float64Array.from(values),
});

/**
 * The design matrix of an adjusted model: the exposure column(s) first, then the covariate dummies. Columns
 * that are constant in the data are dropped (they would duplicate the intercept). It is built as compressed
 * rows (its non-zero entries only: the exposure and at most one dummy per factor in each row), the form the
 * least-squares fits read, instead of 120,000 arrays of 20-30 mostly-zero numbers.
 */
export function adjustedDesign(
  exposures: RowMajorMatrix,
  rows: readonly EvidenceRow[],
  minLevelSize = MIN_LEVEL_EPISODES,
): CompressedRows {
  const { rows: n, columns: exposureWidth, data: exposureValues } = exposures;
  const factors = BOARD_FACTORS.map((levelOf) => codeFactor(rows, levelOf));
  const { coded, columns } = dummyCoding(factors, minLevelSize);
  const kept = columns.filter(({ count }) => count > 0 && count < n);
  // Per factor, the design column of each level code (-1: the reference, or a dropped column). Factors come
  // in column order, so a row's entries ascend.
  const columnOf = coded.map(({ levels }) => new Int32Array(levels.length).fill(-1));
  kept.forEach(({ factor, code }, index) => (columnOf[factor][code] = exposureWidth + index));
  // Each row's dummy column per factor, row after row, so that the loop below reads one array.
  const factorCount = coded.length;
  const dummyColumnOfRow = new Int32Array(n * factorCount);
  coded.forEach(({ codes }, factor) => {
    const columns = columnOf[factor];
    for (let i = 0; i < n; i++) dummyColumnOfRow[i * factorCount + factor] = columns[codes[i]];
  });
  const rowStarts = new Int32Array(n + 1);
  // At most the exposures and one dummy per factor in each row; trimmed to the entries used at the end.
  const capacity = n * (exposureWidth + factorCount);
  const columnIndex = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let next = 0;
  for (let i = 0; i < n; i++) {
    rowStarts[i] = next;
    for (let j = 0; j < exposureWidth; j++) {
      const exposure = exposureValues[i * exposureWidth + j];
      if (exposure === 0) continue;
      columnIndex[next] = j;
      values[next] = exposure;
      next++;
    }
    for (let k = i * factorCount; k < (i + 1) * factorCount; k++) {
      const column = dummyColumnOfRow[k];
      if (column < 0) continue;
      columnIndex[next] = column;
      values[next] = 1;
      next++;
    }
  }
  rowStarts[n] = next;
  return {
    rows: n,
    columns: exposureWidth + kept.length,
    rowStarts,
    columnIndex: columnIndex.slice(0, next),
    values: values.slice(0, next),
  };
}

/** A null effect: the model could not be fitted on this selection. */
export function emptyEffect(measure: string): EvidenceEffect {
  return { measure, estimate: null, ci95: null, p: null };
}

export function emptyAdjusted(measure: string): EvidenceAdjustedEffect {
  return { ...emptyEffect(measure), covariates: BOARD_COVARIATES, q: null };
}

/**
 * METRICS.md verdict of one claim: not enough data when the smallest group has fewer than 30 episodes (or the
 * model could not be fitted); associated when the adjusted 95% interval excludes the no-effect value (0 for
 * slopes and differences, 1 for ratios); otherwise no clear association. The board then also requires the
 * claim's Benjamini-Hochberg q below 0.05 (board-multiplicity.ts).
 */
export function verdictOf(adjusted: EvidenceEffect, smallestGroup: number, noEffect: 0 | 1): EvidenceVerdict {
  if (smallestGroup < 30 || adjusted.ci95 === null) return 'not_enough_data';
  const [low, high] = adjusted.ci95;
  return low > noEffect || high < noEffect ? 'associated' : 'no_clear_association';
}
