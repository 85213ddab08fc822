import type { EvidenceChart, EvidenceEffect } from './evidence-charts';

/**
 * GET /api/v1/evidence and GET /api/v1/evidence/:id: the evidence board, which tests the article's claims
 * (docs/METRICS.md, "Evidence board") with an unadjusted and a covariate-adjusted effect and a verdict.
 */
export const EVIDENCE_VERDICTS = ['associated', 'no_clear_association', 'not_enough_data'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

export interface EvidenceAdjustedEffect extends EvidenceEffect {
  /** The covariates the model adjusts for (their dummy columns left out when constant in the selection). */
  covariates: string[];
  /**
   * Benjamini-Hochberg (1995) adjusted p (q-value) of `p`, over the claims of the board that have an adjusted
   * p in the same answer; null when `p` is null. "associated" needs q < 0.05.
   */
  q: number | null;
}

export interface EvidenceClaim {
  /** 1-10, docs/METRICS.md's numbering. */
  id: number;
  claim: string;
  exposure: string;
  outcome: string;
  /** How the card's statistics are computed, in words. */
  method: string;
  /** Episodes in the card's analysis population. */
  n: number;
  unadjusted: EvidenceEffect;
  adjusted: EvidenceAdjustedEffect;
  verdict: EvidenceVerdict;
  /** The data of the card's chart; its shape depends on `chart.type`. */
  chart: EvidenceChart;
}

export interface EvidenceResponse {
  /** The data's end date (ISO date). */
  asOf: string | null;
  claims: EvidenceClaim[];
}

/** GET /api/v1/evidence/:id: the card with the chart's full detail (e.g. Kaplan-Meier steps). */
export interface EvidenceClaimDetail extends EvidenceClaim {
  asOf: string | null;
  detail: Record<string, unknown>;
}
