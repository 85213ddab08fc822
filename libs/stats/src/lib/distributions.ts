import betaIncomplete from '@stdlib/math-base-special-betainc';
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

/**
 * P(X <= k) for X ~ Bin(n, p), by the identity P(X <= k) = 1 - I_p(k + 1, n - k) with I the regularized incomplete
 * beta function (@stdlib's, which @stdlib's own binomial CDF uses the same way).
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaIncomplete(p, k + 1, n - k, true, true);
}

/** Rounding must not move a quantile one step up when F(r) equals the probability up to the last bits (R's fuzz). */
const QUANTILE_FUZZ = 1 - 64 * Number.EPSILON;

/** The smallest r in 0..n with P(X <= r) >= probability for X ~ Bin(n, p), as R's qbinom. */
export function binomialQuantile(probability: number, n: number, p: number): number {
  let low = 0;
  let high = n;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (binomialCdf(middle, n, p) >= probability * QUANTILE_FUZZ) high = middle;
    else low = middle + 1;
  }
  return low;
}
