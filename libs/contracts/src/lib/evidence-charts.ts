import type { CostBlock, CostSummaryResponse, PerDayComparison } from './costs';
import type { RateValue } from './rates';
import type { RetentionMedian, RetentionStep } from './retention';

/** One effect estimate in the measure it names; estimates are null when the model could not be fitted. */
export interface EvidenceEffect {
  /** What the estimate measures, e.g. "least-squares slope per scheduled hour per week". */
  measure: string;
  estimate: number | null;
  ci95: [number, number] | null;
  p: number | null;
}

/** A point of a binned scatter: the bin's exposure mean, and the outcome's mean with its t interval. */
export interface EvidenceBinPoint {
  x: number;
  y: number;
  ci95: [number, number] | null;
  n: number;
}

/** A mean with its t interval over n episodes (null mean when n = 0). */
export interface EvidenceMean {
  n: number;
  mean: number | null;
  ci95: [number, number] | null;
}

/** A second binned-scatter panel of a card, with its own population, effect pair and bins. */
export interface EvidenceScatterPanel {
  n: number;
  points: EvidenceBinPoint[];
  unadjusted: EvidenceEffect;
  adjusted: EvidenceEffect;
}

/**
 * Claims 1, 2, 8 and 9: bins of the exposure (deciles unless said) with the outcome's mean and interval.
 * Claim 1 adds the least-squares line and Pearson r; claim 2 the alliance -> retention panel (odds ratio per
 * 5 points); claim 8 the abstinence panel; claim 9 has one panel per primary substance instead of `points`.
 */
export interface BinnedScatterChart {
  type: 'binned_scatter';
  points?: EvidenceBinPoint[];
  /** Unadjusted least-squares line y = intercept + slope * x over all episodes of the card. */
  line?: { intercept: number; slope: number } | null;
  pearson?: { r: number; ci95: [number, number]; p: number } | null;
  allianceToRetention?: EvidenceScatterPanel;
  abstinence?: EvidenceScatterPanel;
  bySubstance?: Array<EvidenceScatterPanel & { substance: string }>;
}

/** A group of a survival card: size, disengagements, Kaplan-Meier median (null: not reached) and median stay. */
export interface EvidenceSurvivalGroup {
  label: string;
  n: number;
  events: number;
  medianDaysToDisengagement: RetentionMedian | null;
  /** Plain median length of stay of the group's discharged episodes. */
  medianLengthOfStayDays: number | null;
}

/** Claims 3 and 10: Kaplan-Meier curves per group (the steps are in the card's detail) and the log-rank test. */
export interface SurvivalChart {
  type: 'survival';
  groups: EvidenceSurvivalGroup[];
  logRank: { chiSquare: number; df: number; p: number } | null;
  /** Claim 3: the exposure values that split the terciles. */
  tercileCutPoints?: number[];
}

/** Claim 4 (a bar per level of care) and claim 7 (a bar per exposure group): rates with Wilson intervals. */
export interface GroupedBarsChart {
  type: 'grouped_bars';
  bars: Array<{
    /** Claim 4: '2.1' or '1'. */
    levelOfCare?: string;
    /** Claim 7: 'any family session' or 'none'. */
    group?: string;
    completion: RateValue;
    retained90?: RateValue;
    complianceScore?: EvidenceMean;
  }>;
  /** Claim 4: the secondary outcomes' effects, IOP minus level 1. */
  unadjusted?: { retained90: EvidenceEffect; complianceScore: EvidenceEffect };
  adjusted?: { retained90: EvidenceEffect; complianceScore: EvidenceEffect };
}

/** Claim 5: attendance per time slot and employment group, and the slope among the other patients. */
export interface HeatmapChart {
  type: 'heatmap';
  /** Appointments of the selected episodes by local slot (docs/METRICS.md) and employment group. */
  cells: Array<{ employment: 'employed_or_student' | 'other'; slot: string; attendance: RateValue }>;
  /** Per-episode attendance by group and track (evening/weekend share >= 0.5 or not). */
  byTrack: Array<{ employment: 'employed_or_student' | 'other'; track: 'evening_weekend' | 'day' } & EvidenceMean>;
  others: { n: number; unadjusted: EvidenceEffect; adjusted: EvidenceEffect };
}

/** Claim 6: cost bars per level of care with outcome rates, the ICER and the inpatient comparison. */
export interface CostBarsChart {
  type: 'cost_bars';
  dollarYear: number | null;
  bars: Array<
    Pick<
      CostBlock,
      | 'levelOfCare'
      | 'discharged'
      | 'costPerEpisode'
      | 'costPerWeek'
      | 'costPerCompleter'
      | 'costPerAbstinent'
      | 'completion'
      | 'abstinent'
    >
  >;
  icer: CostSummaryResponse['icer'];
  perDayComparisons: PerDayComparison[];
  inpatientComparison: { key: string; savingsPerEpisode: EvidenceEffect };
}

export type EvidenceChart = BinnedScatterChart | SurvivalChart | GroupedBarsChart | HeatmapChart | CostBarsChart;

/** GET /api/v1/evidence/:id detail of a survival card: every group's Kaplan-Meier steps with band and at-risk. */
export interface EvidenceSurvivalCurve extends EvidenceSurvivalGroup {
  steps: RetentionStep[];
}
