import {
  CASE_MIX_METRICS,
  type FunnelAdjustedRate,
  type FunnelCaseMixModel,
  type FunnelCaseMixStatus,
  type FunnelDimension,
  type FunnelMetric,
  type FunnelUnit,
} from '@iop/contracts';
import { classifyFunnelRate, type CompressedRows, logisticRegression, type NotEstimableReason } from '@iop/stats';
import { BOARD_COVARIATES, dummyColumns, MIN_LEVEL_EPISODES } from '../evidence/design-matrix';

/** docs/METRICS.md "Case-mix adjustment". */
export type CaseMixMetric = (typeof CASE_MIX_METRICS)[number];
export type CaseMixUnitDimension = FunnelDimension;

export const isCaseMixMetric = (metric: FunnelMetric): metric is CaseMixMetric =>
  (CASE_MIX_METRICS as readonly string[]).includes(metric);

/** One episode of a case-mix metric's denominator: its unit, its outcome and the evidence board's covariates. */
export interface CaseMixRow {
  unit: string;
  outcome: boolean;
  ageBand: string;
  sex: string;
  substance: string;
  severity: number;
  priorEpisodes: number;
  payer: string;
}

/** The board's factors (evidence/design-matrix.ts BOARD_FACTORS) in BOARD_COVARIATES order, coded the same way. */
const CASE_MIX_FACTORS: ReadonlyArray<(row: CaseMixRow) => string> = [
  (row) => row.ageBand,
  (row) => row.sex,
  (row) => row.substance,
  (row) => String(row.severity),
  (row) => (row.priorEpisodes >= 3 ? '3+' : String(row.priorEpisodes)),
  (row) => row.payer,
];
const PAYER_FACTOR = BOARD_COVARIATES.indexOf('payer');

const OUTCOME_WORDS: Record<CaseMixMetric, string> = {
  completionRate: 'completed (TEDS-D reason 1), over discharged episodes',
  retained90: 'stayed 90 days or more, over episodes followed for 90 days',
};

const PAYER_EXCLUDED = {
  covariate: 'payer',
  reason:
    'the units are payers: adjusting for the unit itself would set every payer to the expected rate and hide the ' +
    'very difference being compared',
};

/** A NotEstimableError's reason in words, never its message (which may hold exact counts a payer must not see). */
const NOT_ESTIMABLE_WORDS: Record<NotEstimableReason, string> = {
  'too-few-observations': 'too few episodes for the model',
  'no-variation': 'every episode has the same outcome',
  'singular-design': 'the covariates are collinear in this selection',
  separation: 'a covariate separates the outcome (the model has no finite estimate)',
  'not-converged': 'the model did not converge',
};

export function modelInWords(metric: FunnelMetric): string {
  const outcome = isCaseMixMetric(metric) ? OUTCOME_WORDS[metric] : 'a per-episode outcome';
  return (
    `logistic regression (logit link, maximum likelihood) of whether the episode ${outcome}, on the covariates ` +
    `as categorical factors (prior episodes capped at 3+), levels under ${MIN_LEVEL_EPISODES} episodes pooled; ` +
    'fitted over the selection'
  );
}

/** Dummy rows as compressed rows: at most one entry per factor, which the fit reads far faster than dense rows. */
function compressed(dense: readonly (readonly number[])[], columns: number): CompressedRows {
  const rowStarts = new Int32Array(dense.length + 1);
  const columnIndex: number[] = [];
  const values: number[] = [];
  dense.forEach((row, i) => {
    rowStarts[i] = columnIndex.length;
    row.forEach((value, j) => {
      if (value === 0) return;
      columnIndex.push(j);
      values.push(value);
    });
  });
  rowStarts[dense.length] = columnIndex.length;
  return {
    rows: dense.length,
    columns,
    rowStarts,
    columnIndex: Int32Array.from(columnIndex),
    values: Float64Array.from(values),
  };
}

export interface CaseMixFit {
  covariates: string[];
  excludedCovariates: FunnelCaseMixModel['excludedCovariates'];
  episodes: number;
  /** Per unit key: E / n, the mean fitted probability of its episodes. */
  expectedRates: Map<string, number>;
}

/**
 * The logistic model of the outcome on the board's covariates over every row (the network's denominator), and
 * each unit's expected rate E / n. The payer is left out when the units are payers. Throws NotEstimableError
 * when the model cannot be fitted.
 */
export function fitCaseMix(rows: readonly CaseMixRow[], by: CaseMixUnitDimension): CaseMixFit {
  const factors = CASE_MIX_FACTORS.filter((_, index) => by !== 'payer' || index !== PAYER_FACTOR);
  const design = dummyColumns(
    rows.map((row) => factors.map((levelOf) => levelOf(row))),
    MIN_LEVEL_EPISODES,
  );
  const X = compressed(design.rows, design.names.length);
  const fit = logisticRegression(
    rows.map((row) => (row.outcome ? 1 : 0)),
    X,
  );
  const [intercept, ...slopes] = fit.coefficients;
  const sums = new Map<string, { expected: number; episodes: number }>();
  rows.forEach((row, i) => {
    let eta = intercept;
    for (let entry = X.rowStarts[i]; entry < X.rowStarts[i + 1]; entry++) {
      eta += X.values[entry] * slopes[X.columnIndex[entry]];
    }
    const sum = sums.get(row.unit) ?? { expected: 0, episodes: 0 };
    sum.expected += 1 / (1 + Math.exp(-eta));
    sum.episodes += 1;
    sums.set(row.unit, sum);
  });
  return {
    covariates: BOARD_COVARIATES.filter((_, index) => by !== 'payer' || index !== PAYER_FACTOR),
    excludedCovariates: by === 'payer' ? [PAYER_EXCLUDED] : [],
    episodes: rows.length,
    expectedRates: new Map([...sums].map(([unit, { expected, episodes }]) => [unit, expected / episodes])),
  };
}

/** The stated model of an answer that is not adjusted, with why. */
export function unadjustedModel(
  metric: FunnelMetric,
  by: FunnelDimension,
  status: Exclude<FunnelCaseMixStatus, 'adjusted'>,
  notEstimable?: NotEstimableReason,
): FunnelCaseMixModel {
  const reasons: Record<typeof status, string> = {
    'not-offered':
      `case-mix adjustment is offered for ${CASE_MIX_METRICS.join(' and ')} only: ${metric} counts several ` +
      'correlated events per episode, which a logistic model of independent trials would overweight',
    'not-estimable': `adjustment not available for this selection: ${NOT_ESTIMABLE_WORDS[notEstimable ?? 'not-converged']}`,
    'network-withheld': "adjustment not available: the selection's rate is withheld or has no denominator",
  };
  return {
    method: 'indirect-standardisation',
    status,
    reason: reasons[status],
    model: modelInWords(metric),
    covariates: BOARD_COVARIATES.filter((covariate) => by !== 'payer' || covariate !== 'payer'),
    excludedCovariates: by === 'payer' ? [PAYER_EXCLUDED] : [],
    episodes: null,
    converged: false,
    plotted: 'standardised-rate-against-denominator',
  };
}

export function adjustedModel(metric: FunnelMetric, fit: CaseMixFit, episodesShown: number): FunnelCaseMixModel {
  return {
    method: 'indirect-standardisation',
    status: 'adjusted',
    reason: null,
    model: modelInWords(metric),
    covariates: fit.covariates,
    excludedCovariates: fit.excludedCovariates,
    episodes: episodesShown,
    converged: true,
    plotted: 'standardised-rate-against-denominator',
  };
}

/**
 * A shown unit's standardised rate. E is the unit's expected rate times its shown denominator, and O its shown
 * numerator, so O / E = shown rate / expected rate: exact for an admin, and for a payer built only on the counts
 * the payer's breakdown shows and a mean over the unit's 11 or more episodes, so nothing withheld comes back.
 */
export function adjustedRateOf(unit: FunnelUnit, target: number, expectedRate: number): FunnelAdjustedRate {
  const expected = expectedRate * unit.denominator;
  // unit.rate is the shown numerator over the shown denominator (capped at 1), so this is O / E.
  const observedOverExpected = unit.rate / expectedRate;
  const rate = observedOverExpected * target;
  // The same limits as the crude rate: at the unit's denominator around p0 (docs/METRICS.md).
  const position = unit.limits === null ? null : classifyFunnelRate(Math.min(1, rate), unit.limits);
  return { expected, observedOverExpected, rate, at95: position?.at95 ?? null, at998: position?.at998 ?? null };
}
