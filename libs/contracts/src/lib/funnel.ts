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
}

/** A unit's place in plain words (a unit outside the 99.8% limits is named as such; nobody is ranked). */
export function funnelStatement(unit: Pick<FunnelUnit, 'at95' | 'at998'>): string {
  if (unit.at998 === 'above') return 'Above what chance explains';
  if (unit.at998 === 'below') return 'Below what chance explains';
  if (unit.at95 === 'above') return 'Above the 95% limit, within what chance explains at 99.8%';
  if (unit.at95 === 'below') return 'Below the 95% limit, within what chance explains at 99.8%';
  if (unit.at95 === 'within') return 'Within what chance explains';
  return 'Not compared: the network rate is withheld';
}
