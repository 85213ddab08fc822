/**
 * GET /api/v1/evidence and GET /api/v1/evidence/:id: the evidence board, which tests the article's claims
 * (METRICS.md "The evidence board") with an unadjusted and a covariate-adjusted effect and a verdict.
 */
export const EVIDENCE_VERDICTS = ['associated', 'no_clear_association', 'not_enough_data'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

/** One effect estimate in the measure it names; estimates are null when the model could not be fitted. */
export interface EvidenceEffect {
  /** What the estimate measures, e.g. "least-squares slope per scheduled hour per week". */
  measure: string;
  estimate: number | null;
  ci95: [number, number] | null;
  p: number | null;
}

export interface EvidenceAdjustedEffect extends EvidenceEffect {
  /** The covariates the model adjusts for (their dummy columns left out when constant in the selection). */
  covariates: string[];
}

/** A point of a binned scatter: the bin's exposure mean, and the outcome's mean with its t interval. */
export interface EvidenceBinPoint {
  x: number;
  y: number;
  ci95: [number, number] | null;
  n: number;
}

export interface EvidenceClaim {
  /** 1-10, METRICS.md's numbering. */
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
  chart: { type: 'binned_scatter' | 'survival' | 'grouped_bars' | 'groups' | 'cost_bars'; [key: string]: unknown };
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
