import { normalCriticalValue, tTwoSidedPValue } from './distributions';
import { assertConfidence, assertFiniteNumbers, assertMinimumLength, assertSameLength } from './validation';
import { NotEstimableError } from './not-estimable';

export interface PearsonResult {
  /** Pearson's product-moment correlation. */
  r: number;
  n: number;
  /** t = r sqrt(df / (1 - r^2)), the statistic R's cor.test reports. */
  t: number;
  df: number;
  /** Two-sided p-value from t with n - 2 degrees of freedom. */
  p: number;
  /** Fisher-z interval: tanh(atanh(r) -/+ z / sqrt(n - 3)), as in R's cor.test. */
  ci: [number, number];
}

/**
 * Pearson correlation with the test and interval of R's cor.test(x, y, method = "pearson").
 * Needs at least 4 pairs because the Fisher-z interval has standard error 1 / sqrt(n - 3).
 */
export function pearson(x: readonly number[], y: readonly number[], confidence = 0.95): PearsonResult {
  assertFiniteNumbers(x, 'x');
  assertFiniteNumbers(y, 'y');
  assertSameLength(x, y, 'x', 'y');
  assertMinimumLength(x, 4, 'pearson', 'the Fisher-z interval needs n - 3 > 0');
  assertConfidence(confidence);
  const n = x.length;
  // Two passes (means first) instead of the one-pass sum-of-products formula, which cancels badly when the
  // values are large relative to their spread (years, GNP).
  const meanX = x.reduce((sum, value) => sum + value, 0) / n;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0) throw new NotEstimableError('no-variation', 'x is constant: the correlation is undefined');
  if (syy === 0) throw new NotEstimableError('no-variation', 'y is constant: the correlation is undefined');
  // Rounding can push |r| a hair above 1 for perfectly linear data.
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  const t = Math.abs(r) === 1 ? Math.sign(r) * Infinity : r * Math.sqrt(df / (1 - r * r));
  const p = tTwoSidedPValue(t, df);
  const halfWidth = normalCriticalValue(confidence) / Math.sqrt(n - 3);
  const z = Math.atanh(r);
  const ci: [number, number] = [Math.tanh(z - halfWidth), Math.tanh(z + halfWidth)];
  return { r, n, t, df, p, ci };
}
