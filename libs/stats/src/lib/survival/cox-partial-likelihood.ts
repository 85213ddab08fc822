/**
 * The Cox partial likelihood with its gradient and information matrix, computed the way R's coxfit6 does:
 * subjects sorted by time, latest first, so that each risk set {time >= t} is the previous one plus the
 * subjects at t. The risk-set sums then accumulate in one pass, O(n p^2) instead of O(n^2 p^2).
 */

export type CoxTies = 'efron' | 'breslow';

export interface CoxRiskSetData {
  subjects: number;
  covariateCount: number;
  /** Row-major, rows in descending time order, each column centred at its mean. */
  covariates: Float64Array;
  isEvent: Uint8Array;
  /** Exclusive end index of each run of equal times in the sorted rows (the tied blocks). */
  tiedBlockEnds: number[];
}

export interface PartialLikelihoodAt {
  logLikelihood: number;
  score: number[];
  information: number[][];
}

export function prepareRiskSetData(
  time: readonly number[],
  event: readonly number[],
  X: readonly (readonly number[])[],
): CoxRiskSetData {
  const subjects = time.length;
  const covariateCount = X[0].length;
  const order = time.map((_, i) => i).sort((a, b) => time[b] - time[a]);
  const means = new Array<number>(covariateCount).fill(0);
  for (const row of X) row.forEach((value, j) => (means[j] += value / subjects));
  const covariates = new Float64Array(subjects * covariateCount);
  const isEvent = new Uint8Array(subjects);
  const tiedBlockEnds: number[] = [];
  order.forEach((source, i) => {
    for (let j = 0; j < covariateCount; j++) covariates[i * covariateCount + j] = X[source][j] - means[j];
    isEvent[i] = event[source] === 1 ? 1 : 0;
    if (i > 0 && time[source] !== time[order[i - 1]]) tiedBlockEnds.push(i);
  });
  tiedBlockEnds.push(subjects);
  return { subjects, covariateCount, covariates, isEvent, tiedBlockEnds };
}

/**
 * Log partial likelihood, score and information at beta. Sums over the lower triangle (k <= j) of the
 * p x p products only, since they are symmetric.
 */
export function partialLikelihoodAt(data: CoxRiskSetData, beta: readonly number[], ties: CoxTies): PartialLikelihoodAt {
  const { covariateCount: p, covariates: x, isEvent, tiedBlockEnds } = data;
  const riskSum1 = new Float64Array(p);
  const riskSum2 = new Float64Array(p * p);
  const deathSum1 = new Float64Array(p);
  const deathSum2 = new Float64Array(p * p);
  const meanAtRisk = new Float64Array(p);
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  let riskSum0 = 0;
  let logLikelihood = 0;
  let blockStart = 0;

  for (const blockEnd of tiedBlockEnds) {
    let deaths = 0;
    let deathSum0 = 0;
    deathSum1.fill(0);
    deathSum2.fill(0);
    for (let i = blockStart; i < blockEnd; i++) {
      const row = i * p;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j] * x[row + j];
      const weight = Math.exp(eta);
      riskSum0 += weight;
      for (let j = 0; j < p; j++) {
        const wx = weight * x[row + j];
        riskSum1[j] += wx;
        for (let k = 0; k <= j; k++) riskSum2[j * p + k] += wx * x[row + k];
      }
      if (isEvent[i] === 0) continue;
      deaths++;
      deathSum0 += weight;
      logLikelihood += eta;
      for (let j = 0; j < p; j++) {
        const wx = weight * x[row + j];
        score[j] += x[row + j];
        deathSum1[j] += wx;
        for (let k = 0; k <= j; k++) deathSum2[j * p + k] += wx * x[row + k];
      }
    }
    blockStart = blockEnd;
    if (deaths === 0) continue;
    // Efron: the r-th of d tied deaths sees the risk set with r/d of the tied deaths' weight removed,
    // approximating the unknown order of the deaths. Breslow: d deaths against the full risk set.
    const passes = ties === 'efron' ? deaths : 1;
    const multiplicity = ties === 'efron' ? 1 : deaths;
    for (let r = 0; r < passes; r++) {
      const fraction = ties === 'efron' ? r / deaths : 0;
      const sum0 = riskSum0 - fraction * deathSum0;
      logLikelihood -= multiplicity * Math.log(sum0);
      for (let j = 0; j < p; j++) {
        meanAtRisk[j] = (riskSum1[j] - fraction * deathSum1[j]) / sum0;
        score[j] -= multiplicity * meanAtRisk[j];
        for (let k = 0; k <= j; k++) {
          const secondMoment = (riskSum2[j * p + k] - fraction * deathSum2[j * p + k]) / sum0;
          information[j * p + k] += multiplicity * (secondMoment - meanAtRisk[j] * meanAtRisk[k]);
        }
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
