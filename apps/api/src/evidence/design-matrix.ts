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
 * Dummy-coded columns of categorical factors (one array of levels per row, one entry per factor). Per factor
 * the most frequent level is the reference and is left out (ties: the first in sort order); a factor with a
 * single observed level contributes no column, so the design stays full rank when a filter fixes it.
 */
export function dummyColumns(levels: readonly (readonly string[])[]): { names: string[]; rows: number[][] } {
  const factors = levels[0]?.length ?? 0;
  const names: string[] = [];
  const columnsPerFactor: Array<{ factor: number; level: string }> = [];
  for (let factor = 0; factor < factors; factor++) {
    const counts = new Map<string, number>();
    for (const row of levels) counts.set(row[factor], (counts.get(row[factor]) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [level] of sorted.slice(1)) {
      columnsPerFactor.push({ factor, level });
      names.push(`${factor}:${level}`);
    }
  }
  const rows = levels.map((row) => columnsPerFactor.map(({ factor, level }) => (row[factor] === level ? 1 : 0)));
  return { names, rows };
}

/**
 * The design matrix of an adjusted model: the exposure column(s) first, then the covariate dummies. Columns
 * that are constant in the data are dropped (they would duplicate the intercept).
 */
export function adjustedDesign(exposures: readonly (readonly number[])[], rows: readonly EvidenceRow[]): number[][] {
  const dummies = dummyColumns(rows.map(covariateLevels)).rows;
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
