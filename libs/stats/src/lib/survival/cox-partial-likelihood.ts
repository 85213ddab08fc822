/**
 * The Cox partial likelihood with its gradient and information matrix, computed the way R's coxfit6 does:
 * subjects sorted by time, latest first, so that each risk set {time >= t} is the previous one plus the
 * subjects at t. The risk-set sums then accumulate in one pass, O(n p^2) instead of O(n^2 p^2).
 *
 * Two things keep it fast on large, mostly-categorical designs (the evidence board's: an exposure and one
 * 0/1 dummy per covariate level). Each subject's covariates are kept as their non-zero entries only, so a
 * subject costs (non-zeros)^2 / 2 instead of p^2 / 2; for that, 0/1 columns are not centred (the likelihood,
 * score and information do not change when a column is shifted, and a 0/1 column cannot push exp(x b) out
 * of range), while every other column is centred at its mean, as R does. And the Efron terms of a block of
 * tied deaths are summed as scalars per death and combined with the p x p sums once per block.
 */
import type { CompressedRows } from '../row-major-matrix';

export type CoxTies = 'efron' | 'breslow';

export interface CoxRiskSetData {
  subjects: number;
  covariateCount: number;
  /** Rows in descending time order, non-zero entries only (columns ascending); see the file comment. */
  rowStarts: Int32Array;
  columnIndex: Int32Array;
  values: Float64Array;
  isEvent: Uint8Array;
  /** Exclusive end index of each run of equal times in the sorted rows (the tied blocks). */
  tiedBlockEnds: number[];
}

export interface PartialLikelihoodAt {
  logLikelihood: number;
  score: number[];
  information: number[][];
}

/** Per column: 0 when every value is 0 or 1, otherwise its mean (summed in row order, as a dense pass would). */
function columnShifts({ rows, columns, rowStarts, columnIndex, values }: CompressedRows): Float64Array {
  const means = new Float64Array(columns);
  const binary = new Uint8Array(columns).fill(1);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
      const j = columnIndex[k];
      means[j] += values[k] / rows;
      if (values[k] !== 0 && values[k] !== 1) binary[j] = 0;
    }
  }
  return means.map((mean, j) => (binary[j] ? 0 : mean));
}

/** The largest whole-number time for which latestFirst counts instead of comparing. */
const MAX_COUNTED_TIME = 1 << 20;

/**
 * Subject indexes by descending time, equal times in index order (what a stable sort gives). Whole-number times
 * (days, as the board's) are placed by counting, in O(n); others are sorted.
 */
function latestFirst(time: readonly number[]): Int32Array {
  let latest = 0;
  for (const value of time) {
    if (!(Number.isInteger(value) && value >= 0 && value <= MAX_COUNTED_TIME)) {
      return Int32Array.from(time.map((_, i) => i).sort((a, b) => time[b] - time[a]));
    }
    latest = Math.max(latest, value);
  }
  // starts[latest - t] is where the subjects at time t begin.
  const starts = new Int32Array(latest + 2);
  for (const value of time) starts[latest - value + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const order = new Int32Array(time.length);
  for (let i = 0; i < time.length; i++) order[starts[latest - time[i]]++] = i;
  return order;
}

/**
 * The subjects latest first, with their shifted covariates' non-zero entries. Read from the design's non-zero
 * entries: a board design expanded to dense rows would be 120,000 x 30 doubles, almost all of them zero.
 */
export function prepareRiskSetData(
  time: readonly number[],
  event: readonly number[],
  X: CompressedRows,
): CoxRiskSetData {
  const subjects = time.length;
  const covariateCount = X.columns;
  const order = latestFirst(time);
  const shifts = columnShifts(X);
  const shifted = shifts.reduce((count, shift) => count + (shift === 0 ? 0 : 1), 0);
  // Every entry of a shifted column is non-zero after the shift (bar an exact hit), so the rows hold at most the
  // design's own entries plus one per subject and shifted column.
  const capacity = X.values.length + subjects * shifted;
  const rowStarts = new Int32Array(subjects + 1);
  const columnIndex = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const isEvent = new Uint8Array(subjects);
  const tiedBlockEnds: number[] = [];
  const row = new Float64Array(covariateCount);
  let next = 0;
  for (let i = 0; i < subjects; i++) {
    const source = order[i];
    row.fill(0);
    for (let k = X.rowStarts[source]; k < X.rowStarts[source + 1]; k++) row[X.columnIndex[k]] = X.values[k];
    rowStarts[i] = next;
    for (let j = 0; j < covariateCount; j++) {
      const value = row[j] - shifts[j];
      if (value === 0) continue;
      columnIndex[next] = j;
      values[next] = value;
      next++;
    }
    isEvent[i] = event[source] === 1 ? 1 : 0;
    if (i > 0 && time[source] !== time[order[i - 1]]) tiedBlockEnds.push(i);
  }
  rowStarts[subjects] = next;
  tiedBlockEnds.push(subjects);
  return {
    subjects,
    covariateCount,
    rowStarts,
    columnIndex: columnIndex.slice(0, next),
    values: values.slice(0, next),
    isEvent,
    tiedBlockEnds,
  };
}

/**
 * Log partial likelihood, score and information at beta. Sums over the lower triangle (k <= j) of the
 * p x p products only, since they are symmetric.
 */
export function partialLikelihoodAt(data: CoxRiskSetData, beta: readonly number[], ties: CoxTies): PartialLikelihoodAt {
  const { covariateCount: p, rowStarts, columnIndex, values, isEvent, tiedBlockEnds } = data;
  const riskSum1 = new Float64Array(p);
  const riskSum2 = new Float64Array(p * p);
  const deathSum1 = new Float64Array(p);
  const deathSum2 = new Float64Array(p * p);
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  let riskSum0 = 0;
  let logLikelihood = 0;
  let blockStart = 0;

  for (const blockEnd of tiedBlockEnds) {
    let deaths = 0;
    let deathSum0 = 0;
    for (let i = blockStart; i < blockEnd; i++) {
      const start = rowStarts[i];
      const end = rowStarts[i + 1];
      let eta = 0;
      for (let a = start; a < end; a++) eta += beta[columnIndex[a]] * values[a];
      const weight = Math.exp(eta);
      const died = isEvent[i] === 1;
      riskSum0 += weight;
      if (died) {
        if (deaths === 0) {
          deathSum1.fill(0);
          deathSum2.fill(0);
        }
        deaths++;
        deathSum0 += weight;
        logLikelihood += eta;
      }
      for (let a = start; a < end; a++) {
        const j = columnIndex[a];
        const wx = weight * values[a];
        riskSum1[j] += wx;
        if (died) {
          score[j] += values[a];
          deathSum1[j] += wx;
        }
        const base = j * p;
        for (let b = start; b <= a; b++) {
          const product = wx * values[b];
          riskSum2[base + columnIndex[b]] += product;
          if (died) deathSum2[base + columnIndex[b]] += product;
        }
      }
    }
    blockStart = blockEnd;
    if (deaths === 0) continue;
    // Efron: the r-th of d tied deaths sees the risk set with r/d of the tied deaths' weight removed,
    // approximating the unknown order of the deaths. Breslow: d deaths against the full risk set. With
    // f = r/d (0 for Breslow) and s0 = riskSum0 - f deathSum0, the r-th death adds to the information
    // (S2 - f D2) / s0 - m m' with m = (S1 - f D1) / s0; summed over r that needs only the five scalar sums below.
    const passes = ties === 'efron' ? deaths : 1;
    const multiplicity = ties === 'efron' ? 1 : deaths;
    let inverse = 0; // sum of 1 / s0
    let fractionOver = 0; // sum of f / s0
    let inverseSquared = 0; // sum of 1 / s0^2
    let fractionOverSquared = 0; // sum of f / s0^2
    let fractionSquaredOverSquared = 0; // sum of f^2 / s0^2
    for (let r = 0; r < passes; r++) {
      const fraction = ties === 'efron' ? r / deaths : 0;
      const sum0 = riskSum0 - fraction * deathSum0;
      logLikelihood -= multiplicity * Math.log(sum0);
      inverse += multiplicity / sum0;
      fractionOver += (multiplicity * fraction) / sum0;
      const squared = sum0 * sum0;
      inverseSquared += multiplicity / squared;
      fractionOverSquared += (multiplicity * fraction) / squared;
      fractionSquaredOverSquared += (multiplicity * fraction * fraction) / squared;
    }
    for (let j = 0; j < p; j++) {
      score[j] -= riskSum1[j] * inverse - deathSum1[j] * fractionOver;
      for (let k = 0; k <= j; k++) {
        const secondMoment = riskSum2[j * p + k] * inverse - deathSum2[j * p + k] * fractionOver;
        const meanProduct =
          riskSum1[j] * riskSum1[k] * inverseSquared -
          (riskSum1[j] * deathSum1[k] + deathSum1[j] * riskSum1[k]) * fractionOverSquared +
          deathSum1[j] * deathSum1[k] * fractionSquaredOverSquared;
        information[j * p + k] += secondMoment - meanProduct;
      }
    }
  }
  return {
    logLikelihood,
    score: Array.from(score),
    information: Array.from({ length: p }, (_, j) =>
      Array.from({ length: p }, (_, k) => (k <= j ? information[j * p + k] : information[k * p + j])),
    ),
  };
}
