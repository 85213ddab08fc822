/** Why the data cannot support a model (NotEstimableError.reason). */
export type NotEstimableReason =
  /** Fewer rows (or events) than the model has parameters, or none at all. */
  | 'too-few-observations'
  /** The outcome, an exposure or the grouping does not vary, so its effect is not identified. */
  | 'no-variation'
  /** The design is singular or rank deficient: a column is constant or collinear with others. */
  | 'singular-design'
  /** A predictor (combination) separates the outcome: the maximum-likelihood estimate is infinite. */
  | 'separation'
  /** The iterations ran out, or the information matrix became singular on the way to the estimate. */
  | 'not-converged';

/**
 * Thrown by the estimators when the data cannot support the model (separation, non-convergence, a singular
 * design, too few rows or events), as opposed to a caller's mistake (a NaN, arrays of different lengths, an
 * unknown option), which stays a plain RangeError. Callers may show "not enough data" for this error and
 * must let any other error through. It is a RangeError, so code that caught those before keeps working.
 */
export class NotEstimableError extends RangeError {
  override readonly name = 'NotEstimableError';

  constructor(
    readonly reason: NotEstimableReason,
    message: string,
  ) {
    super(message);
  }
}
