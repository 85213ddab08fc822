import { type CompressedRows, logisticRegression, NotEstimableError, type NotEstimableReason } from '@iop/stats';

/** One logistic fit for a worker thread: 0/1 outcomes and the design without its intercept column. */
export interface RiskFitTask {
  outcomes: Uint8Array;
  design: CompressedRows;
}

/**
 * The fit's coefficients (intercept first), or why the data cannot support it. NotEstimableError is answered as
 * data, not thrown: the worker pool revives only the standard error classes, and "not estimable" must stay
 * distinguishable from a bug (which is thrown and becomes a 500).
 */
export type RiskFitResult =
  | { status: 'fitted'; coefficients: number[] }
  | { status: 'not-estimable'; reason: NotEstimableReason; message: string };

export function fitRisk({ outcomes, design }: RiskFitTask): RiskFitResult {
  try {
    const fit = logisticRegression(Array.from(outcomes), design);
    return { status: 'fitted', coefficients: fit.coefficients };
  } catch (error) {
    if (error instanceof NotEstimableError)
      return { status: 'not-estimable', reason: error.reason, message: error.message };
    throw error;
  }
}
