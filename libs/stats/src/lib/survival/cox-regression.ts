import { chiSquareUpperTail, normalCriticalValue, normalTwoSidedPValue } from '../distributions';
import { invertSymmetricPositiveDefinite, solveSymmetricPositiveDefinite } from '../linear-algebra';
import { NotEstimableError } from '../not-estimable';
import { sparseRows } from '../normal-equations';
import type { CompressedRows, DesignMatrix } from '../row-major-matrix';
import { assertConfidence, assertDesign, assertSameRowCount } from '../validation';
import { CoxTies, partialLikelihoodAt, prepareRiskSetData } from './cox-partial-likelihood';
import { assertSurvivalData } from './risk-table';

export type { CoxTies } from './cox-partial-likelihood';

export interface CoxRegressionOptions {
  /** How tied event times enter the partial likelihood; 'efron' is R's coxph default. */
  ties?: CoxTies;
  confidence?: number;
  /** R's coxph.control uses 20. */
  maxIterations?: number;
  /** Convergence when |change in log partial likelihood| / |log partial likelihood| falls below this (R: 1e-9). */
  tolerance?: number;
}

/** A converged fit (a fit that does not converge throws NotEstimableError). */
export interface CoxRegressionResult {
  /** Log hazard ratios, one per column of X (no intercept). */
  coefficients: number[];
  /** Wald standard errors from the inverse information. */
  standardErrors: number[];
  /** exp(coefficient). */
  hazardRatios: number[];
  /** Wald interval exp(b -/+ z se). */
  hazardRatioCi: Array<[number, number]>;
  /** Wald statistic b / se and its two-sided normal p-value. */
  z: number[];
  p: number[];
  /** Log partial likelihood at the estimate. */
  logLikelihood: number;
  /** Log partial likelihood at coefficients 0. */
  nullLogLikelihood: number;
  likelihoodRatio: { chiSquare: number; df: number; p: number };
  n: number;
  events: number;
  iterations: number;
}

function assertCovariatesVary({ rows, columns, rowStarts, columnIndex, values }: CompressedRows): void {
  // A column is constant when every row holds its row 0 value: as many rows hold that value as there are rows
  // (a zero counted as the rows with no entry in the column).
  const first = new Float64Array(columns);
  for (let k = rowStarts[0]; k < rowStarts[1]; k++) first[columnIndex[k]] = values[k];
  const holdingFirst = new Int32Array(columns);
  const nonZeroEntries = new Int32Array(columns);
  for (let k = 0; k < rowStarts[rows]; k++) {
    const j = columnIndex[k];
    if (values[k] !== 0) nonZeroEntries[j]++;
    if (values[k] === first[j]) holdingFirst[j]++;
  }
  for (let j = 0; j < columns; j++) {
    const constant = first[j] === 0 ? nonZeroEntries[j] === 0 : holdingFirst[j] === rows;
    if (constant) {
      // No intercept to absorb it: a constant column cancels out of every risk set, so its coefficient is unidentified.
      throw new NotEstimableError(
        'no-variation',
        `X column ${j} is constant: a Cox model cannot estimate its coefficient`,
      );
    }
  }
}

/**
 * Cox proportional-hazards regression for right-censored data, as R's coxph: Newton-Raphson on the log
 * partial likelihood from coefficients 0, halving a step that lowers it, with covariates centred at their
 * means (which leaves the coefficients unchanged but keeps exp(x b) in range; 0/1 columns need not be, see
 * cox-partial-likelihood.ts). X is covariates without an intercept, as rows or a row-major matrix; event is 1
 * (or true) for an observed event, 0 (or false) for censoring.
 *
 * Throws NotEstimableError when the data cannot support the model: no events, a constant or collinear
 * covariate, or no convergence (iterations that run out, an information matrix that becomes singular on the
 * way: typically an infinite estimate, a covariate that perfectly orders the events, R's "beta may be
 * infinite").
 */
export function coxRegression(
  time: readonly number[],
  event: readonly (0 | 1 | boolean)[],
  design: DesignMatrix,
  options: CoxRegressionOptions = {},
): CoxRegressionResult {
  const { ties = 'efron', confidence = 0.95, maxIterations = 20, tolerance = 1e-9 } = options;
  const eventIndicator = event.map(Number);
  assertSurvivalData(time, eventIndicator);
  const covariates = assertDesign(design, 'X');
  assertSameRowCount(time, design, 'time', 'X');
  const X = sparseRows(design, false);
  assertConfidence(confidence);
  if (ties !== 'efron' && ties !== 'breslow') {
    throw new RangeError(`ties must be 'efron' or 'breslow', got ${String(ties)}`);
  }
  if (covariates === 0) throw new RangeError('X must have at least one covariate column');
  const events = eventIndicator.filter((value) => value === 1).length;
  if (events === 0) {
    throw new NotEstimableError('too-few-observations', 'coxRegression needs at least one event (event = 1), got none');
  }
  assertCovariatesVary(X);

  const data = prepareRiskSetData(time, eventIndicator, X);
  let beta: number[] = new Array<number>(covariates).fill(0);
  let current = partialLikelihoodAt(data, beta, ties);
  const nullLogLikelihood = current.logLikelihood;
  let converged = false;
  let iterations = 0;

  while (iterations < maxIterations) {
    iterations++;
    let step: number[];
    try {
      step = solveSymmetricPositiveDefinite(current.information, current.score);
    } catch (error) {
      // Singular at the start: collinear covariates, or one that does not vary among the subjects at risk at
      // any event time. Later: the estimate is running off to infinity. Anything but a singular system is a bug.
      if (!(error instanceof NotEstimableError)) throw error;
      if (iterations === 1) {
        throw new NotEstimableError(
          'singular-design',
          'X is rank deficient: a covariate is collinear with others or does not vary at event times',
        );
      }
      break;
    }
    let candidate = beta.map((value, j) => value + step[j]);
    let candidateFit = partialLikelihoodAt(data, candidate, ties);
    // Step halving, as R: a full Newton step can overshoot (or overflow exp, giving NaN).
    for (let halvings = 0; !(candidateFit.logLikelihood >= current.logLikelihood) && halvings < 30; halvings++) {
      candidate = candidate.map((value, j) => (value + beta[j]) / 2);
      candidateFit = partialLikelihoodAt(data, candidate, ties);
    }
    const change = Math.abs(candidateFit.logLikelihood - current.logLikelihood);
    beta = candidate;
    current = candidateFit;
    if (change <= tolerance * Math.abs(current.logLikelihood)) {
      converged = true;
      break;
    }
  }

  const notConverged = () =>
    new NotEstimableError(
      'not-converged',
      `coxRegression did not converge in ${iterations} iterations: an estimate may be infinite ` +
        '(a covariate that perfectly orders the events)',
    );
  if (!converged) throw notConverged();
  let covariance: number[][];
  try {
    covariance = invertSymmetricPositiveDefinite(current.information);
  } catch (error) {
    if (error instanceof NotEstimableError) throw notConverged();
    throw error;
  }
  const critical = normalCriticalValue(confidence);
  const standardErrors = beta.map((_, j) => Math.sqrt(covariance[j][j]));
  const z = beta.map((b, j) => b / standardErrors[j]);
  const chiSquare = 2 * (current.logLikelihood - nullLogLikelihood);
  return {
    coefficients: beta,
    standardErrors,
    hazardRatios: beta.map((b) => Math.exp(b)),
    hazardRatioCi: beta.map((b, j): [number, number] => [
      Math.exp(b - critical * standardErrors[j]),
      Math.exp(b + critical * standardErrors[j]),
    ]),
    z,
    p: z.map(normalTwoSidedPValue),
    logLikelihood: current.logLikelihood,
    nullLogLikelihood,
    likelihoodRatio: { chiSquare, df: covariates, p: chiSquareUpperTail(chiSquare, covariates) },
    n: time.length,
    events,
    iterations,
  };
}
