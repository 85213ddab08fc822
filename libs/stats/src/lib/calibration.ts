import { NotEstimableError } from './not-estimable';
import { assertBinary, assertFiniteNumbers, assertSameLength } from './validation';

function assertProbabilities(values: readonly number[], name: string): void {
  assertFiniteNumbers(values, name);
  values.forEach((value, index) => {
    if (value < 0 || value > 1) throw new RangeError(`${name}[${index}] must be a probability in [0, 1], got ${value}`);
  });
}

/**
 * The Brier score: the mean squared difference between the predicted probability and the 0/1 outcome (Brier GW.
 * Verification of forecasts expressed in terms of probability. Mon Weather Rev 1950;78:1-3). 0 is perfect; always
 * predicting the base rate p scores p (1 - p).
 */
export function brierScore(predicted: readonly number[], outcomes: readonly number[]): number {
  assertProbabilities(predicted, 'predicted');
  assertSameLength(predicted, outcomes, 'predicted', 'outcomes');
  assertBinary(outcomes, 'outcomes');
  if (predicted.length === 0) throw new NotEstimableError('too-few-observations', 'brierScore needs observations');
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += (predicted[i] - outcomes[i]) ** 2;
  return sum / predicted.length;
}

/** One group of a calibration table. */
export interface CalibrationGroup {
  /** 1-based, in increasing order of predicted risk. */
  group: number;
  n: number;
  meanPredicted: number;
  observed: number;
  events: number;
}

/**
 * Calibration by groups of predicted risk (deciles by default): the rows sorted by predicted probability (ties
 * kept in input order) and cut into `groups` groups of as equal a size as possible, row i of n going to group
 * floor(i x groups / n); each group's mean prediction beside its observed event rate. Fewer rows than groups give
 * one group per row.
 */
export function calibrationGroups(
  predicted: readonly number[],
  outcomes: readonly number[],
  groups = 10,
): CalibrationGroup[] {
  assertProbabilities(predicted, 'predicted');
  assertSameLength(predicted, outcomes, 'predicted', 'outcomes');
  assertBinary(outcomes, 'outcomes');
  if (!(Number.isInteger(groups) && groups >= 1))
    throw new RangeError(`groups must be a positive integer, got ${groups}`);
  const n = predicted.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => predicted[a] - predicted[b] || a - b);
  const count = Math.min(groups, n);
  const sums = Array.from({ length: count }, () => ({ n: 0, predicted: 0, events: 0 }));
  order.forEach((row, rank) => {
    const sum = sums[Math.floor((rank * count) / n)];
    sum.n++;
    sum.predicted += predicted[row];
    sum.events += outcomes[row];
  });
  return sums.map((sum, index) => ({
    group: index + 1,
    n: sum.n,
    meanPredicted: sum.predicted / sum.n,
    observed: sum.events / sum.n,
    events: sum.events,
  }));
}
