import { tCriticalValue } from './distributions';
import { LeastSquaresDesign, type LeastSquaresSolver, type LeastSquaresSolverChoice } from './least-squares';
import { NotEstimableError } from './not-estimable';
import type { DesignMatrix } from './row-major-matrix';
import { assertConfidence, assertDesign, assertFiniteNumbers, assertSameRowCount } from './validation';

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
  /** How it was solved: the normal equations for a well-conditioned design, else QR (least-squares.ts). */
  solver: LeastSquaresSolver;
}

/**
 * Ordinary least squares with an intercept, y = b0 + X b + e: by the normal equations (Cholesky) when the
 * design is well conditioned, by Householder QR otherwise (normal-equations.ts says when and why). X is given
 * WITHOUT the intercept column, as rows or a row-major matrix; `solver: 'qr'` forces QR. Throws
 * NotEstimableError when the data cannot support the fit: no more rows than parameters, a rank-deficient
 * design, a constant y.
 */
export function linearRegression(
  y: readonly number[],
  X: DesignMatrix,
  confidence = 0.95,
  solver: LeastSquaresSolverChoice = 'auto',
): LinearRegressionResult {
  assertFiniteNumbers(y, 'y');
  const predictors = assertDesign(X, 'X');
  assertSameRowCount(y, X, 'y', 'X');
  assertConfidence(confidence);
  const n = y.length;
  const parameters = predictors + 1;
  if (n <= parameters) {
    throw new NotEstimableError(
      'too-few-observations',
      `linearRegression needs more observations (${n}) than parameters (${parameters}) to estimate the error variance`,
    );
  }
  const solved = new LeastSquaresDesign(X, solver).solve(y);
  const { coefficients, unscaledCovariance, residualSumOfSquares } = solved;
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
  if (totalSumOfSquares === 0) throw new NotEstimableError('no-variation', 'y is constant: R-squared is undefined');
  return {
    coefficients,
    standardErrors,
    ci,
    rSquared: 1 - residualSumOfSquares / totalSumOfSquares,
    residualStdError: Math.sqrt(residualVariance),
    n,
    solver: solved.solver,
  };
}
