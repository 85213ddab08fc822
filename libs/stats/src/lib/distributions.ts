import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Thin, named wrappers over @stdlib so the estimators read as the textbook formulas they implement. */

/** z such that P(-z < Z < z) = confidence. */
export function normalCriticalValue(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** t such that P(-t < T < t) = confidence for T ~ t(df). */
export function tCriticalValue(confidence: number, df: number): number {
  return tQuantile(1 - (1 - confidence) / 2, df);
}

/** Two-sided p-value of a t statistic. Uses the lower tail of -|t| so small p-values keep their precision. */
export function tTwoSidedPValue(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Upper-tail probability P(X >= x) for X ~ chi-square(df). */
export function chiSquareUpperTail(x: number, df: number): number {
  return Math.max(0, 1 - chiSquareCdf(x, df));
}

/**
 * Two-sided p-value of a standard-normal (Wald) statistic, as P(chi-square(1) >= z^2): the same probability,
 * through the chi-square CDF this library already depends on. Below about 1e-16 it rounds to 0.
 */
export function normalTwoSidedPValue(z: number): number {
  return chiSquareUpperTail(z * z, 1);
}
