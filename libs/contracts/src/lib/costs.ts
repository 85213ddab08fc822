import {
  type CountOrSuppressed,
  isSuppressed,
  type NumberOrSuppressed,
  type RateOrSuppressed,
  type SuppressedValue,
} from './rates';

/** An amount in US dollars (rounded to the cent) of a stated dollar year, with where it comes from. */
export interface MoneyValue {
  /** null when the denominator is 0. */
  dollars: number | null;
  dollarYear: number | null;
  source: string;
}

/** An amount, or withheld from a payer because it is derived from 1-10 episodes (docs/METRICS.md, Small cells). */
export type MoneyOrSuppressed = MoneyValue | SuppressedValue;

/** The dollars of an amount, or null when it is withheld or not defined. */
export function dollarsOrNull(value: MoneyOrSuppressed | null | undefined): number | null {
  return value && !isSuppressed(value) ? value.dollars : null;
}

/**
 * The cost metrics of docs/METRICS.md over the discharged episodes of one group. For a payer any field but
 * levelOfCare may be suppressed (a whole level's block when its counts are small or would reveal a small one).
 */
export interface CostBlock {
  /** Level of care code, or 'all'. */
  levelOfCare: string;
  discharged: CountOrSuppressed;
  totalCharges: MoneyOrSuppressed;
  weeksInTreatment: NumberOrSuppressed;
  costPerEpisode: MoneyOrSuppressed;
  costPerWeek: MoneyOrSuppressed;
  costPerCompleter: MoneyOrSuppressed;
  costPerRetained90: MoneyOrSuppressed;
  costPerAbstinent: MoneyOrSuppressed;
  /** Completed (reason 1) / discharged. */
  completion: RateOrSuppressed;
  /** Length of stay >= 90 / discharged. */
  retained90: RateOrSuppressed;
  /** Abstinent in the final 4 weeks / discharged. */
  abstinent: RateOrSuppressed;
}

export type IcerStatus = 'tradeoff' | 'dominated' | 'dominant' | 'not_estimable';

/** ICER of A (IOP, level 2.1) against B (standard outpatient, level 1), per additional unit of effect. */
export interface Icer {
  effect: 'completer' | 'abstinent';
  costA: MoneyValue;
  costB: MoneyValue;
  effectA: number | null;
  effectB: number | null;
  incrementalCost: MoneyValue;
  incrementalEffect: number | null;
  /** (cost A - cost B) / (effect A - effect B), only when status is 'tradeoff'. */
  icer: MoneyValue;
  status: IcerStatus;
}

export interface ComparisonRate {
  key: string;
  levelOfCare: string | null;
  per: string;
  amount: MoneyValue;
}

/** Discharged IOP episodes priced at an inpatient or residential per-day rate over the same days. */
export interface PerDayComparison {
  key: string;
  levelOfCare: string | null;
  ratePerDay: MoneyValue;
  /** The four amounts derived from the IOP episodes are suppressed for a payer when the IOP block is. */
  iopCostPerEpisode: MoneyOrSuppressed;
  /** Rate per day x mean length of stay (days) of the discharged IOP episodes. */
  comparatorCostPerEpisode: MoneyOrSuppressed;
  iopCostPerWeek: MoneyOrSuppressed;
  /** Rate per day x 7. */
  comparatorCostPerWeek: MoneyValue;
  /** comparatorCostPerEpisode - iopCostPerEpisode. */
  savingsPerEpisode: MoneyOrSuppressed;
}

/** GET /api/v1/costs/summary (docs/METRICS.md cost-effectiveness, payer view). */
export interface CostSummaryResponse {
  asOf: string | null;
  /** Dollar year of the charges and rates (the settings' dollar year); charges are taken at face value. */
  dollarYear: number | null;
  /** Selected episodes; active ones are left out of every cost figure (their costs and outcomes are incomplete). */
  episodes: CountOrSuppressed;
  activeExcluded: CountOrSuppressed;
  overall: CostBlock;
  byLevelOfCare: CostBlock[];
  /** Each ICER is suppressed for a payer when either arm's block (A or B) is suppressed. */
  icer: {
    a: string;
    b: string;
    perAdditionalCompleter: Icer | SuppressedValue;
    perAdditionalAbstinent: Icer | SuppressedValue;
  };
  comparisonRates: ComparisonRate[];
  perDayComparisons: PerDayComparison[];
}
