import {
  type CountOrSuppressed,
  isSuppressed,
  type NumberOrSuppressed,
  type RateOrSuppressed,
  type SuppressedValue,
} from './rates';
import type { ComparatorKind, ComparatorLengthOfStay, SourcedRate } from './comparators';

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

/**
 * Whether IOP costs less per episode than the comparator at every length of stay of its sensitivity range
 * (`iop_cheaper`), more at every one (`comparator_cheaper`), or the answer turns within the range.
 */
export type ComparatorConclusion = 'iop_cheaper' | 'comparator_cheaper' | 'depends_on_length_of_stay' | 'not_estimable';

/** The comparator priced at one length of stay of the sensitivity range. */
export interface ComparatorAtLengthOfStay {
  days: number;
  /** Rate per day x days. */
  comparatorCostPerEpisode: MoneyValue;
  /** comparatorCostPerEpisode - IOP charges per discharged episode. */
  savingsPerEpisode: MoneyOrSuppressed;
}

/** Cost per outcome: IOP's from its own outcomes, the comparator's from its published outcome rate. */
export interface ComparatorOutcomeCost {
  /** IOP charges / IOP discharged episodes with the outcome (the IOP block's figure). */
  iop: MoneyOrSuppressed;
  /** Comparator cost per episode (typical length of stay) / the comparator's outcome rate. */
  comparator: MoneyValue;
  comparatorRate: SourcedRate;
}

/**
 * Discharged IOP episodes against an inpatient or residential comparator: a comparator episode is its per-day rate
 * times its own typical length of stay (settings `comparator.<kind>`), never the IOP episodes' days. For a payer the
 * amounts derived from the IOP episodes are suppressed when the IOP block is (and per outcome when its count is small).
 */
export interface PerDayComparison {
  key: string;
  comparator: ComparatorKind;
  levelOfCare: string | null;
  ratePerDay: MoneyValue;
  lengthOfStay: ComparatorLengthOfStay;
  iopCostPerEpisode: MoneyOrSuppressed;
  /** Rate per day x the comparator's typical length of stay. */
  comparatorCostPerEpisode: MoneyValue;
  iopCostPerWeek: MoneyOrSuppressed;
  /** Rate per day x 7. */
  comparatorCostPerWeek: MoneyValue;
  /** comparatorCostPerEpisode - iopCostPerEpisode. */
  savingsPerEpisode: MoneyOrSuppressed;
  sensitivity: {
    low: ComparatorAtLengthOfStay;
    high: ComparatorAtLengthOfStay;
    /** The comparator length of stay at which it costs what an IOP episode does: IOP cost per episode / rate per day. */
    breakEvenDays: NumberOrSuppressed | null;
    conclusion: ComparatorConclusion | SuppressedValue;
  };
  perCompleter: ComparatorOutcomeCost;
  perAbstinent: ComparatorOutcomeCost;
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
