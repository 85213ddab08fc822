import { normalCriticalValue } from './distributions';
import { LeastSquaresDesign, type LeastSquaresSolverChoice } from './least-squares';
import { NotEstimableError } from './not-estimable';
import type { DesignMatrix } from './row-major-matrix';
import { assertBinary, assertConfidence, assertDesign, assertFiniteNumbers, assertSameRowCount } from './validation';

/** A converged fit (a fit that does not converge throws NotEstimableError). */
export interface LogisticRegressionResult {
  /** Log-odds coefficients, intercept first. */
  coefficients: number[];
  /** Wald standard errors from the observed information. */
  standardErrors: number[];
  /** exp(coefficient). */
  oddsRatios: number[];
  /** Wald interval exp(b -/+ z se). */
  oddsRatioCi: Array<[number, number]>;
  logLikelihood: number;
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
  /** How each Newton step's weighted least squares is solved (least-squares.ts); 'auto' unless comparing. */
  solver?: LeastSquaresSolverChoice;
}

/** log(1 + exp(eta)) without overflow for large eta. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

function logLikelihoodAt(y: readonly number[], eta: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < eta.length; i++) sum += y[i] * eta[i] - softplus(eta[i]);
  return sum;
}

/**
 * Binary logistic regression by Newton-Raphson (equivalently IRLS for the canonical logit link). Each step
 * is a weighted least-squares problem, solved by the normal equations when they are well conditioned and by
 * QR otherwise (least-squares.ts), and a step that lowers the log-likelihood is halved, as R's glm.fit does.
 * X is given WITHOUT the intercept column, as rows or a row-major matrix; y holds 0/1 outcomes.
 *
 * Throws NotEstimableError when the data cannot support the model: no more rows than parameters, a single
 * outcome, a rank-deficient design, (quasi-)complete separation or iterations that run out. Under separation
 * the maximum-likelihood estimate does not exist (coefficients run off to infinity), so no huge, meaningless
 * coefficients are returned as if they were estimates.
 */
export function logisticRegression(
  y: readonly number[],
  X: DesignMatrix,
  options: LogisticRegressionOptions = {},
): LogisticRegressionResult {
  const { confidence = 0.95, maxIterations = 50, tolerance = 1e-12, solver = 'auto' } = options;
  assertFiniteNumbers(y, 'y');
  assertBinary(y, 'y');
  const predictors = assertDesign(X, 'X');
  assertSameRowCount(y, X, 'y', 'X');
  assertConfidence(confidence);
  const parameters = predictors + 1;
  if (y.length <= parameters) {
    throw new NotEstimableError(
      'too-few-observations',
      `logisticRegression needs more observations (${y.length}) than parameters (${parameters})`,
    );
  }
  if (y.every((value) => value === y[0])) {
    throw new NotEstimableError(
      'no-variation',
      'y must contain both 0s and 1s: with one outcome only the intercept is infinite',
    );
  }
  const design = new LeastSquaresDesign(X, solver);
  const n = y.length;

  let beta: number[] = new Array<number>(parameters).fill(0);
  let eta = design.times(beta);
  let logLikelihood = logLikelihoodAt(y, eta);
  let converged = false;
  let iterations = 0;
  const weights = new Float64Array(n);
  const workingResponse = new Float64Array(n);

  while (iterations < maxIterations) {
    iterations++;
    // Working response and weights of IRLS: the weighted least-squares solution is one Newton step.
    for (let i = 0; i < n; i++) {
      const mu = 1 / (1 + Math.exp(-eta[i]));
      weights[i] = Math.max(mu * (1 - mu), 1e-300);
      workingResponse[i] = eta[i] + (y[i] - mu) / weights[i];
    }
    let candidate: number[];
    try {
      candidate = design.solve(workingResponse, weights).coefficients;
    } catch (error) {
      // Rank deficient at the start: the design itself is collinear. Later, it means weights have collapsed
      // towards 0 (separation): stop and report non-convergence. Anything but a singular system is a bug.
      if (iterations === 1 || !(error instanceof NotEstimableError)) throw error;
      break;
    }
    let candidateEta = design.times(candidate);
    let candidateLogLikelihood = logLikelihoodAt(y, candidateEta);
    // Step halving: Newton's step can overshoot far from the optimum.
    for (
      let halvings = 0;
      candidateLogLikelihood < logLikelihood - 1e-12 * Math.abs(logLikelihood) && halvings < 30;
      halvings++
    ) {
      candidate = candidate.map((value, j) => (value + beta[j]) / 2);
      candidateEta = design.times(candidate);
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

  if (!converged) {
    // Fitted probabilities within ~3e-7 of 0 or 1: the estimates are running off to infinity. (A converged
    // fit may legitimately have extreme fitted values for extreme covariates.)
    if (eta.some((value) => Math.abs(value) > 15)) {
      throw new NotEstimableError(
        'separation',
        `logisticRegression: a predictor (or combination) separates the outcome after ${iterations} iterations; ` +
          'the maximum-likelihood estimate does not exist',
      );
    }
    throw new NotEstimableError('not-converged', `logisticRegression did not converge in ${iterations} iterations`);
  }
  // Information matrix at the final estimate: (X' W X)^-1.
  for (let i = 0; i < n; i++) {
    const m = 1 / (1 + Math.exp(-eta[i]));
    weights[i] = m * (1 - m);
  }
  const unscaledCovariance = design.solve(new Float64Array(n).fill(1), weights).unscaledCovariance;
  const z = normalCriticalValue(confidence);
  const standardErrors = beta.map((_, j) => Math.sqrt(unscaledCovariance[j][j]));
  return {
    coefficients: beta,
    standardErrors,
    oddsRatios: beta.map((b) => Math.exp(b)),
    oddsRatioCi: beta.map((b, j): [number, number] => [
      Math.exp(b - z * standardErrors[j]),
      Math.exp(b + z * standardErrors[j]),
    ]),
    logLikelihood,
    iterations,
  };
}
