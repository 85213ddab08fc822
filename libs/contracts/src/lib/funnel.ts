import type { EpisodeMetric } from './metrics';
import type { RateOrSuppressed, SuppressedValue } from './rates';

/** Rates a funnel plot compares units on (docs/METRICS.md "Funnel plots"): each a proportion with a denominator. */
export const FUNNEL_METRICS = [
  'completionRate',
  'attendanceRate',
  'retained90',
  'negativeScreenRate',
] as const satisfies readonly EpisodeMetric[];
export type FunnelMetric = (typeof FUNNEL_METRICS)[number];

/**
 * `adjust` of the funnel (docs/METRICS.md "Case-mix adjustment"): `none` (the default) or `casemix`, indirect
 * standardisation by a logistic model on the evidence board's covariates.
 */
export const FUNNEL_ADJUSTMENTS = ['none', 'casemix'] as const;
export type FunnelAdjustment = (typeof FUNNEL_ADJUSTMENTS)[number];

/**
 * The metrics case-mix adjustment is offered for: a yes/no outcome per episode. Attendance (sessions) and negative
 * screens (screens) count several correlated events per episode, which a logistic model of independent trials
 * would treat as far more information than they hold.
 */
export const CASE_MIX_METRICS = ['completionRate', 'retained90'] as const satisfies readonly FunnelMetric[];

/** The units a funnel compares; `payer` is for admins only. */
export const FUNNEL_DIMENSIONS = ['program', 'counselor', 'payer'] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

/** Where a rate lies against a pair of control limits. */
export type FunnelPosition = 'below' | 'within' | 'above';

/** The 95% and 99.8% control limits around the network's rate for a unit whose denominator is n. */
export interface FunnelLimitPoint {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** One unit's rate, with its limits at its own denominator and where it lies against them. */
export interface FunnelUnit {
  key: string;
  label: string;
  numerator: number;
  denominator: number;
  rate: number;
  /** null when the network's rate is withheld (a payer's small selection): there is nothing to compare with. */
  limits: FunnelLimitPoint | null;
  at95: FunnelPosition | null;
  at998: FunnelPosition | null;
  /** With adjust=casemix and a fitted model: the unit's indirectly standardised rate; null when not adjusted. */
  adjusted?: FunnelAdjustedRate | null;
}

/**
 * A unit's indirectly standardised rate: observed O against expected E (the sum of the model's fitted
 * probabilities over the unit's episodes), rate = O / E x the network's rate, placed at the unit's own denominator
 * against the same limits as the crude rate.
 */
export interface FunnelAdjustedRate {
  /** E, on the scale of the unit's shown denominator. */
  expected: number;
  observedOverExpected: number;
  /** p0 x O / E; above 1 when O / E > 1 / p0 (then above every limit). */
  rate: number;
  at95: FunnelPosition | null;
  at998: FunnelPosition | null;
}

/** Whether the case-mix model was fitted, and if not why (in `reason`). */
export type FunnelCaseMixStatus = 'adjusted' | 'not-offered' | 'not-estimable' | 'network-withheld';

/** The case-mix model, stated with the answer (adjust=casemix). */
export interface FunnelCaseMixModel {
  method: 'indirect-standardisation';
  status: FunnelCaseMixStatus;
  /** Why the figures are not adjusted, in words; null when they are. */
  reason: string | null;
  /** The model in words: link, outcome, how covariates are coded. */
  model: string;
  /** The covariates the model adjusts for (a covariate constant in the selection adds no term). */
  covariates: string[];
  /** Covariates of the evidence board left out, with why (the payer when the units are payers). */
  excludedCovariates: Array<{ covariate: string; reason: string }>;
  /** Episodes the model was fitted on (the network's denominator as the caller sees it); null when not fitted. */
  episodes: number | null;
  converged: boolean;
  /** What is plotted: the standardised rate against the unit's denominator, inside the crude funnel's limits. */
  plotted: 'standardised-rate-against-denominator';
}

/** A unit whose rate is withheld from a payer (small, or revealing a small one): named, never placed. */
export interface WithheldFunnelUnit {
  key: string;
  label: string;
  value: SuppressedValue;
}

/**
 * GET /api/v1/metrics/funnel: each unit's rate against its denominator, with exact binomial control limits
 * (Spiegelhalter 2005) around the network's rate. Units come in the breakdown's order (by id), never by rate.
 */
export interface FunnelResponse {
  asOf: string | null;
  metric: FunnelMetric;
  by: FunnelDimension;
  /** The selection's rate, the funnel's target; the summary's value of the metric as the caller sees it. */
  network: RateOrSuppressed;
  method: 'exact-binomial';
  units: FunnelUnit[];
  /** Units with a denominator whose rate is withheld from a payer; units with no denominator are left out. */
  withheld: WithheldFunnelUnit[];
  /** The limits over a range of denominators, for drawing the funnel; empty when the network's rate is withheld. */
  curve: FunnelLimitPoint[];
  /** Present when adjust=casemix was asked for: the model, stated, whether or not it could be fitted. */
  caseMix?: FunnelCaseMixModel;
}

/**
 * What a funnel plot draws, whatever its units are compared on: a FunnelResponse, or a quality measure's programs
 * (QualityMeasureDetailResponse.funnel), which have no metric or dimension of their own.
 */
export type FunnelPlot = Pick<FunnelResponse, 'network' | 'method' | 'units' | 'withheld' | 'curve'>;

/** A unit's place in plain words (a unit outside the 99.8% limits is named as such; nobody is ranked). */
export function funnelStatement(unit: Pick<FunnelUnit, 'at95' | 'at998'>): string {
  if (unit.at998 === 'above') return 'Above what chance explains';
  if (unit.at998 === 'below') return 'Below what chance explains';
  if (unit.at95 === 'above') return 'Above the 95% limit, within what chance explains at 99.8%';
  if (unit.at95 === 'below') return 'Below the 95% limit, within what chance explains at 99.8%';
  if (unit.at95 === 'within') return 'Within what chance explains';
  return 'Not compared: the network rate is withheld';
}
