import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { EvidenceBinPoint, EvidenceEffect } from '@iop/contracts';
import { coxRegression, linearRegression, logisticRegression, NotEstimableError, type DesignMatrix } from '@iop/stats';
import { adjustedDesign, emptyEffect, exposureColumn } from './design-matrix';
import type { EvidenceRow } from './evidence-rows.query';

/**
 * `estimate()`, or the empty effect ("not enough data") when the data cannot support the model
 * (NotEstimableError: separation, non-convergence, a singular design, too few rows or events). Any other error
 * is a bug and propagates, so that it reaches the caller as a 500 instead of passing for missing data.
 */
export function whenEstimable<T>(estimate: () => T, notEstimable: () => T): T {
  try {
    return estimate();
  } catch (error) {
    if (error instanceof NotEstimableError) return notEstimable();
    throw error;
  }
}

/** Two-sided p of a t statistic with df degrees of freedom. */
export function pFromT(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Two-sided p of a Wald z statistic (z^2 is chi-square with 1 df). */
export function pFromZ(z: number): number {
  return Math.max(0, 1 - chiSquareCdf(z * z, 1));
}

/**
 * Least-squares coefficient of column 0 of X (intercept excluded), with its t interval and p. Null when the
 * data cannot support the fit (too few rows, a rank-deficient design, a constant outcome).
 */
export function olsSlope(measure: string, y: number[], X: DesignMatrix): EvidenceEffect {
  return whenEstimable(
    () => {
      const fit = linearRegression(y, X);
      const df = fit.n - fit.coefficients.length;
      return {
        measure,
        estimate: fit.coefficients[1],
        ci95: fit.ci[1],
        p: pFromT(fit.coefficients[1] / fit.standardErrors[1], df),
      };
    },
    () => emptyEffect(measure),
  );
}

/**
 * Odds ratio of column 0 of X by logistic regression, per `scale` units of the exposure (exp(scale * b)),
 * Wald interval and p. Null when the fit does not converge (separation) or the design is rank deficient.
 */
export function logisticOddsRatio(measure: string, y: number[], X: DesignMatrix, scale = 1): EvidenceEffect {
  return whenEstimable(
    () => {
      const fit = logisticRegression(y, X);
      const b = fit.coefficients[1];
      const se = fit.standardErrors[1];
      const [low, high] = fit.oddsRatioCi[1].map((value) => Math.log(value));
      return {
        measure,
        estimate: Math.exp(scale * b),
        ci95: [Math.exp(scale * low), Math.exp(scale * high)],
        p: pFromZ(b / se),
      };
    },
    () => emptyEffect(measure),
  );
}

/**
 * Hazard ratio of column 0 of X by Cox regression (Efron ties, as R's coxph), Wald interval and p. Null when
 * the fit does not converge (an exposure that orders the events perfectly) or the design is rank deficient.
 */
export function coxHazardRatio(measure: string, time: number[], event: number[], X: DesignMatrix): EvidenceEffect {
  return whenEstimable(
    () => {
      const fit = coxRegression(time, event as (0 | 1)[], X);
      return { measure, estimate: fit.hazardRatios[0], ci95: fit.hazardRatioCi[0], p: fit.p[0] };
    },
    () => emptyEffect(measure),
  );
}

/** Mean with its t-based 95% interval (null for fewer than 2 values). */
export function meanWithCi(values: readonly number[]): { mean: number; ci95: [number, number] | null } {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { mean, ci95: null };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** Binned scatter: deciles (or `bins` quantile groups) of x by rank, mean x and mean y with its interval. */
export function binnedScatter(x: readonly number[], y: readonly number[], bins = 10): EvidenceBinPoint[] {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const points: EvidenceBinPoint[] = [];
  for (let bin = 0; bin < bins; bin++) {
    const members = order.slice(Math.floor((bin * order.length) / bins), Math.floor(((bin + 1) * order.length) / bins));
    if (members.length === 0) continue;
    const outcome = meanWithCi(members.map((i) => y[i]));
    const meanX = members.reduce((sum, i) => sum + x[i], 0) / members.length;
    points.push({ x: meanX, y: outcome.mean, ci95: outcome.ci95, n: members.length });
  }
  return points;
}

/** Sample quantile by R's type 7 (linear interpolation). */
export function quantile(values: readonly number[], probability: number): number {
  // A typed array sorts numbers natively, without a comparator call per pair.
  const sorted = Float64Array.from(values).sort();
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * The least-squares slope of y on one exposure x, alone (unadjusted) and with the board covariates of each
 * row added as dummy columns (adjusted): the pair every slope claim reports.
 */
export function slopeEffects(
  measure: string,
  y: number[],
  x: readonly number[],
  rows: readonly EvidenceRow[],
): { unadjusted: EvidenceEffect; adjusted: EvidenceEffect } {
  const exposure = exposureColumn(x);
  return {
    unadjusted: olsSlope(measure, y, exposure),
    adjusted: olsSlope(`adjusted ${measure}`, y, adjustedDesign(exposure, rows)),
  };
}
