import type { EvidenceAdjustedEffect, EvidenceEffect, EvidenceVerdict } from '@iop/contracts';
import type { EvidenceRow } from './evidence-rows.query';

/** METRICS.md: the board adjusts for these, each as a categorical factor. */
export const BOARD_COVARIATES = ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'];

/** Levels of each covariate as the model codes them; prior episodes are capped at 3 ("3+"). */
export function covariateLevels(row: EvidenceRow): string[] {
  return [
    row.ageBand,
    row.sex,
    row.substance,
    String(row.severity),
    row.priorEpisodes >= 3 ? '3+' : String(row.priorEpisodes),
    row.payer,
  ];
}

/**
 * Covariate levels with fewer episodes than this are pooled (METRICS.md's "n < 30 per group"): a handful of
 * episodes in a level (a 65+ age band, a rare payer) often all share one outcome, which separates the model
 * and leaves the board with no estimate at all.
 */
export const MIN_LEVEL_EPISODES = 30;
export const POOLED_LEVEL = '(pooled small levels)';

/**
 * Each factor's levels with the small ones pooled: levels under `minLevelSize` become one pooled level, which
 * joins the most frequent level when it is itself still under the size.
 */
function poolSmallLevels(levels: readonly (readonly string[])[], minLevelSize: number): string[][] {
  const pooled = levels.map((row) => [...row]);
  const factors = levels[0]?.length ?? 0;
  for (let factor = 0; factor < factors; factor++) {
    const counts = new Map<string, number>();
    for (const row of levels) counts.set(row[factor], (counts.get(row[factor]) ?? 0) + 1);
    const [reference] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const small = new Set([...counts].filter(([level, n]) => n < minLevelSize && level !== reference).map(([l]) => l));
    const smallTotal = [...small].reduce((sum, level) => sum + (counts.get(level) ?? 0), 0);
    const target = smallTotal >= minLevelSize ? POOLED_LEVEL : reference;
    for (const row of pooled) if (small.has(row[factor])) row[factor] = target;
  }
  return pooled;
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
  const coded = minLevelSize > 1 ? poolSmallLevels(levels, minLevelSize) : levels;
  const factors = coded[0]?.length ?? 0;
  const names: string[] = [];
  const columnsPerFactor: Array<{ factor: number; level: string }> = [];
  for (let factor = 0; factor < factors; factor++) {
    const counts = new Map<string, number>();
    for (const row of coded) counts.set(row[factor], (counts.get(row[factor]) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [level] of sorted.slice(1)) {
      columnsPerFactor.push({ factor, level });
      names.push(`${factor}:${level}`);
    }
  }
  const rows = coded.map((row) => columnsPerFactor.map(({ factor, level }) => (row[factor] === level ? 1 : 0)));
  return { names, rows };
}

/**
 * The design matrix of an adjusted model: the exposure column(s) first, then the covariate dummies. Columns
 * that are constant in the data are dropped (they would duplicate the intercept).
 */
export function adjustedDesign(
  exposures: readonly (readonly number[])[],
  rows: readonly EvidenceRow[],
  minLevelSize = MIN_LEVEL_EPISODES,
): number[][] {
  const dummies = dummyColumns(rows.map(covariateLevels), minLevelSize).rows;
  const combined = exposures.map((exposure, i) => [...exposure, ...dummies[i]]);
  const width = combined[0]?.length ?? 0;
  const exposureWidth = exposures[0]?.length ?? 0;
  const keep: number[] = [];
  for (let column = 0; column < width; column++) {
    const first = combined[0][column];
    if (column < exposureWidth || combined.some((row) => row[column] !== first)) keep.push(column);
  }
  return combined.map((row) => keep.map((column) => row[column]));
}

/** A null effect: the model could not be fitted on this selection. */
export function emptyEffect(measure: string): EvidenceEffect {
  return { measure, estimate: null, ci95: null, p: null };
}

export function emptyAdjusted(measure: string): EvidenceAdjustedEffect {
  return { ...emptyEffect(measure), covariates: BOARD_COVARIATES };
}

/**
 * METRICS.md verdict: not enough data when the smallest group has fewer than 30 episodes (or the model
 * could not be fitted); associated when the adjusted 95% interval excludes the no-effect value (0 for
 * slopes and differences, 1 for ratios); otherwise no clear association.
 */
export function verdictOf(adjusted: EvidenceEffect, smallestGroup: number, noEffect: 0 | 1): EvidenceVerdict {
  if (smallestGroup < 30 || adjusted.ci95 === null) return 'not_enough_data';
  const [low, high] = adjusted.ci95;
  return low > noEffect || high < noEffect ? 'associated' : 'no_clear_association';
}
