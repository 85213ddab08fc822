import type { EvidenceAdjustedEffect, EvidenceClaim, EvidenceEffect, EvidenceVerdict } from '@iop/contracts';
import { BOARD_COVARIATES, verdictOf } from './design-matrix';
import type { EvidenceRow } from './evidence-rows.query';

/** A computed card and the detail that GET /evidence/:id adds (curves, per-group fits). */
export interface ClaimCard {
  claim: EvidenceClaim;
  detail: Record<string, unknown>;
}

export interface CardParts {
  id: number;
  claim: string;
  exposure: string;
  outcome: string;
  method: string;
  n: number;
  unadjusted: EvidenceEffect;
  adjusted: EvidenceEffect;
  /** Size of the smallest comparison group (the population itself for a continuous exposure). */
  smallestGroup: number;
  noEffect: 0 | 1;
  chart: EvidenceClaim['chart'];
  detail?: Record<string, unknown>;
  /** The covariates of the adjusted effect, when not the board's (e.g. [] when nothing is adjusted). */
  covariates?: string[];
  /** A verdict decided by the card itself (claim 6, whose statistic is not a covariate-adjusted effect). */
  verdict?: EvidenceVerdict;
}

/**
 * Assembles a card; unless the card decides its own, the verdict follows METRICS.md's rule on the adjusted
 * interval. The q of the adjusted p, and the verdict's multiplicity condition, need the whole board: the board
 * adds them (board-multiplicity.ts).
 */
export function card(parts: CardParts): ClaimCard {
  const adjusted: EvidenceAdjustedEffect = {
    ...parts.adjusted,
    covariates: parts.covariates ?? BOARD_COVARIATES,
    q: null,
  };
  return {
    claim: {
      id: parts.id,
      claim: parts.claim,
      exposure: parts.exposure,
      outcome: parts.outcome,
      method: parts.method,
      n: parts.n,
      unadjusted: parts.unadjusted,
      adjusted,
      verdict: parts.verdict ?? verdictOf(adjusted, parts.smallestGroup, parts.noEffect),
      chart: parts.chart,
    },
    detail: parts.detail ?? {},
  };
}

/** Landmark population (ground-truth definitions): still in treatment after the first 28 days. */
export const inLandmark = (row: EvidenceRow): boolean => row.lengthOfStay >= 29;

/** METRICS.md retained at 90 days, defined only for episodes admitted at least 90 days before the data end. */
export const eligibleFor90 = (row: EvidenceRow): boolean => row.daysFollowed >= 90;
export const retained90 = (row: EvidenceRow): number => (row.lengthOfStay >= 90 ? 1 : 0);

/** Disengagement: discharge with TEDS reason 2 or 3; anything else (or active) censors. */
export const disengaged = (row: EvidenceRow): number =>
  row.dischargeReason === 2 || row.dischargeReason === 3 ? 1 : 0;
