import { normalCriticalValue } from './distributions';
import { NotEstimableError } from './not-estimable';
import { assertBinary, assertConfidence, assertFiniteNumbers, assertSameLength } from './validation';

/** How the standard error of the C-statistic is estimated. */
export type CStatisticMethod = 'delong' | 'hanley-mcneil';

export interface CStatisticOptions {
  /** 'delong' (the default; R pROC's ci.auc default) or 'hanley-mcneil'. */
  method?: CStatisticMethod;
  confidence?: number;
}

export interface CStatisticResult {
  /** P(score of an event > score of a non-event) + P(tie) / 2: the area under the ROC curve. */
  estimate: number;
  standardError: number;
  /** estimate -/+ z se, clipped to [0, 1] as pROC does. */
  lower: number;
  upper: number;
  events: number;
  nonEvents: number;
  method: CStatisticMethod;
}

/** Mid-ranks (1-based, ties get the mean of their ranks) of `values`. */
function midRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

function sampleVariance(values: Float64Array, mean: number): number {
  if (values.length < 2) return 0;
  let sum = 0;
  for (const value of values) sum += (value - mean) ** 2;
  return sum / (values.length - 1);
}

/**
 * The C-statistic (area under the ROC curve) of `scores` for the 0/1 `outcomes`, with its confidence interval.
 *
 * DeLong: DeLong ER, DeLong DM, Clarke-Pearson DL. Comparing the areas under two or more correlated receiver
 * operating characteristic curves: a nonparametric approach. Biometrics 1988;44:837-845; its structural
 * components are computed from mid-ranks (Sun X, Xu W. Fast implementation of DeLong's algorithm. IEEE Signal
 * Process Lett 2014;21:1389-1393), O(n log n), as R's pROC does.
 * Hanley-McNeil: Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating characteristic
 * (ROC) curve. Radiology 1982;143:29-36, equation 2 with Q1 = A / (2 - A), Q2 = 2A^2 / (1 + A).
 *
 * Throws NotEstimableError when either class is empty (the area is undefined).
 */
export function cStatistic(
  scores: readonly number[],
  outcomes: readonly number[],
  options: CStatisticOptions = {},
): CStatisticResult {
  const { method = 'delong', confidence = 0.95 } = options;
  assertFiniteNumbers(scores, 'scores');
  assertSameLength(scores, outcomes, 'scores', 'outcomes');
  assertBinary(outcomes, 'outcomes');
  assertConfidence(confidence);
  if (method !== 'delong' && method !== 'hanley-mcneil') {
    throw new RangeError(`method must be 'delong' or 'hanley-mcneil', got ${String(method)}`);
  }
  const eventScores = scores.filter((_, i) => outcomes[i] === 1);
  const nonEventScores = scores.filter((_, i) => outcomes[i] === 0);
  const m = eventScores.length;
  const n = nonEventScores.length;
  if (m === 0 || n === 0) {
    throw new NotEstimableError('no-variation', 'cStatistic needs at least one event and one non-event');
  }
  const all = midRanks([...eventScores, ...nonEventScores]);
  const withinEvents = midRanks(eventScores);
  const withinNonEvents = midRanks(nonEventScores);
  // V10[i]: the share of non-events an event outscores (ties half); V01[j]: the share of events outscoring a non-event.
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let rankSum = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = (all[i] - withinEvents[i]) / n;
    rankSum += v10[i];
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (all[m + j] - withinNonEvents[j]) / m;
  const estimate = rankSum / m;

  let variance: number;
  if (method === 'delong') {
    variance = sampleVariance(v10, estimate) / m + sampleVariance(v01, estimate) / n;
  } else {
    const q1 = estimate / (2 - estimate);
    const q2 = (2 * estimate * estimate) / (1 + estimate);
    const square = estimate * estimate;
    variance = (estimate * (1 - estimate) + (m - 1) * (q1 - square) + (n - 1) * (q2 - square)) / (m * n);
  }
  const standardError = Math.sqrt(Math.max(variance, 0));
  const z = normalCriticalValue(confidence);
  return {
    estimate,
    standardError,
    lower: Math.max(0, estimate - z * standardError),
    upper: Math.min(1, estimate + z * standardError),
    events: m,
    nonEvents: n,
    method,
  };
}
