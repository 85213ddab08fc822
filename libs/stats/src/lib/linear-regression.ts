import { tCriticalValue } from './distributions';
import { solveLeastSquares, withInterceptColumn } from './linear-algebra';
import { assertConfidence, assertDesignRows, assertFiniteNumbers, assertSameLength } from './validation';

export interface LinearRegressionResult {
  /** Intercept first, then one coefficient per column of X, in column order. */
  coefficients: number[];
  standardErrors: number[];
  /** t-based confidence intervals with n - p residual degrees of freedom (R's confint(lm)). */
  ci: Array<[number, number]>;
  /** 1 - RSS / TSS with TSS about the mean (the model always has an intercept). */
  rSquared: number;
  /** sqrt(RSS / (n - p)), R's "Residual standard error". */
  residualStdError: number;
  n: number;
}

/**
 * Ordinary least squares with an intercept, y = b0 + X b + e, solved by Householder QR (see linear-algebra.ts
 * for why not the normal equations). X is given as rows WITHOUT the intercept column.
 */
export function linearRegression(
  y: readonly number[],
  X: readonly (readonly number[])[],
  confidence = 0.95,
): LinearRegressionResult {
  assertFiniteNumbers(y, 'y');
  const predictors = assertDesignRows(X, 'X');
  assertSameLength(y, X, 'y', 'X');
  assertConfidence(confidence);
  const n = y.length;
  const parameters = predictors + 1;
  if (n <= parameters) {
    throw new RangeError(
      `linearRegression needs more observations (${n}) than parameters (${parameters}) to estimate the error variance`,
    );
  }
  const { coefficients, unscaledCovariance, residualSumOfSquares } = solveLeastSquares(withInterceptColumn(X), y);
  const df = n - parameters;
  const residualVariance = residualSumOfSquares / df;
  const standardErrors = unscaledCovariance.map((row, i) => Math.sqrt(residualVariance * row[i]));
  const critical = tCriticalValue(confidence, df);
  const ci = coefficients.map((b, i): [number, number] => [
    b - critical * standardErrors[i],
    b + critical * standardErrors[i],
  ]);
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  const totalSumOfSquares = y.reduce((sum, value) => sum + (value - meanY) ** 2, 0);
  if (totalSumOfSquares === 0) throw new RangeError('y is constant: R-squared is undefined');
  return {
    coefficients,
    standardErrors,
    ci,
    rSquared: 1 - residualSumOfSquares / totalSumOfSquares,
    residualStdError: Math.sqrt(residualVariance),
    n,
  };
}
