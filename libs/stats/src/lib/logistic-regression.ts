import { normalCriticalValue } from './distributions';
import { solveLeastSquares, withInterceptColumn } from './linear-algebra';
import { assertBinary, assertConfidence, assertDesignRows, assertFiniteNumbers, assertSameLength } from './validation';

export interface LogisticRegressionResult {
  /** Log-odds coefficients, intercept first. The last iterate when the fit did not converge. */
  coefficients: number[];
  /** Wald standard errors from the observed information; NaN when the fit did not converge. */
  standardErrors: number[];
  /** exp(coefficient); NaN when the fit did not converge. */
  oddsRatios: number[];
  /** Wald interval exp(b -/+ z se); [NaN, NaN] when the fit did not converge. */
  oddsRatioCi: Array<[number, number]>;
  logLikelihood: number;
  /**
   * False when the iterations ran out or the data are (quasi-)separated. Then the maximum-likelihood
   * estimate does not exist (coefficients run off to infinity), so no standard errors or odds ratios are
   * reported rather than huge, meaningless ones.
   */
  converged: boolean;
  /** True when some fitted probabilities are numerically 0 or 1: a predictor (combination) separates the outcome. */
  separation: boolean;
  iterations: number;
}

export interface LogisticRegressionOptions {
  confidence?: number;
  maxIterations?: number;
  /**
   * Convergence when the relative change in log-likelihood falls below this (R's glm uses 1e-8 on deviance)
   * and the relative change in every coefficient below its square root.
   */
  tolerance?: number;
}

/** log(1 + exp(eta)) without overflow for large eta. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

function logLikelihoodAt(y: readonly number[], eta: readonly number[]): number {
  return eta.reduce((sum, value, i) => sum + y[i] * value - softplus(value), 0);
}

/**
 * Binary logistic regression by Newton-Raphson (equivalently IRLS for the canonical logit link). Each step
 * is a weighted least-squares problem solved by QR, and a step that lowers the log-likelihood is halved,
 * as R's glm.fit does. X is given as rows WITHOUT the intercept column; y holds 0/1 outcomes.
 */
export function logisticRegression(
  y: readonly number[],
  X: readonly (readonly number[])[],
  options: LogisticRegressionOptions = {},
): LogisticRegressionResult {
  const { confidence = 0.95, maxIterations = 50, tolerance = 1e-12 } = options;
  assertFiniteNumbers(y, 'y');
  assertBinary(y, 'y');
  const predictors = assertDesignRows(X, 'X');
  assertSameLength(y, X, 'y', 'X');
  assertConfidence(confidence);
  const parameters = predictors + 1;
  if (y.length <= parameters) {
    throw new RangeError(`logisticRegression needs more observations (${y.length}) than parameters (${parameters})`);
  }
  if (y.every((value) => value === y[0])) {
    throw new RangeError('y must contain both 0s and 1s: with one outcome only the intercept is infinite');
  }
  const design = withInterceptColumn(X);
  const linearPredictor = (beta: readonly number[]): number[] =>
    design.map((row) => row.reduce((sum, value, j) => sum + value * beta[j], 0));

  let beta: number[] = new Array<number>(parameters).fill(0);
  let eta = linearPredictor(beta);
  let logLikelihood = logLikelihoodAt(y, eta);
  let converged = false;
  let iterations = 0;
  let unscaledCovariance: number[][] = [];

  while (iterations < maxIterations) {
    iterations++;
    // Working response and weights of IRLS: solving sqrt(W) X b = sqrt(W) z is one Newton step.
    const mu = eta.map((value) => 1 / (1 + Math.exp(-value)));
    const weights = mu.map((m) => Math.max(m * (1 - m), 1e-300));
    const roots = weights.map(Math.sqrt);
    const weightedDesign = design.map((row, i) => row.map((value) => value * roots[i]));
    const workingResponse = eta.map((value, i) => (value + (y[i] - mu[i]) / weights[i]) * roots[i]);
    let candidate: number[];
    try {
      candidate = solveLeastSquares(weightedDesign, workingResponse).coefficients;
    } catch (error) {
      // Rank deficient at the start: the design itself is collinear, which the caller must fix. Later, it
      // means weights have collapsed towards 0 (separation): stop and report non-convergence.
      if (iterations === 1) throw error;
      break;
    }
    let candidateEta = linearPredictor(candidate);
    let candidateLogLikelihood = logLikelihoodAt(y, candidateEta);
    // Step halving: Newton's step can overshoot far from the optimum.
    for (
      let halvings = 0;
      candidateLogLikelihood < logLikelihood - 1e-12 * Math.abs(logLikelihood) && halvings < 30;
      halvings++
    ) {
      candidate = candidate.map((value, j) => (value + beta[j]) / 2);
      candidateEta = linearPredictor(candidate);
      candidateLogLikelihood = logLikelihoodAt(y, candidateEta);
    }
    const likelihoodChange =
      Math.abs(candidateLogLikelihood - logLikelihood) / (Math.abs(candidateLogLikelihood) + 0.1);
    // Coefficients must settle too: under separation the log-likelihood flattens out (towards its supremum)
    // while the coefficients keep growing by about the same amount each step, so this never holds there.
    const coefficientChange = Math.max(
      ...candidate.map((value, j) => Math.abs(value - beta[j]) / (Math.abs(value) + 1)),
    );
    beta = candidate;
    eta = candidateEta;
    logLikelihood = candidateLogLikelihood;
    if (likelihoodChange < tolerance && coefficientChange < Math.sqrt(tolerance)) {
      converged = true;
      break;
    }
  }

  // Not converged with fitted probabilities within ~3e-7 of 0 or 1: the estimates are running off to
  // infinity. (A converged fit may legitimately have extreme fitted values for extreme covariates.)
  const separation = !converged && eta.some((value) => Math.abs(value) > 15);
  if (converged) {
    // Information matrix at the final estimate: (X' W X)^-1 via QR of sqrt(W) X.
    const roots = eta.map((value) => {
      const m = 1 / (1 + Math.exp(-value));
      return Math.sqrt(m * (1 - m));
    });
    unscaledCovariance = solveLeastSquares(
      design.map((row, i) => row.map((value) => value * roots[i])),
      roots,
    ).unscaledCovariance;
  }
  const z = normalCriticalValue(confidence);
  const standardErrors = beta.map((_, j) => (converged ? Math.sqrt(unscaledCovariance[j][j]) : NaN));
  return {
    coefficients: beta,
    standardErrors,
    oddsRatios: beta.map((b) => (converged ? Math.exp(b) : NaN)),
    oddsRatioCi: beta.map((b, j): [number, number] =>
      converged ? [Math.exp(b - z * standardErrors[j]), Math.exp(b + z * standardErrors[j])] : [NaN, NaN],
    ),
    logLikelihood,
    converged,
    separation,
    iterations,
  };
}
