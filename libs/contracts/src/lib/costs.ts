import type { RateValue } from './rates';

/** An amount in US dollars (rounded to the cent) of a stated dollar year, with where it comes from. */
export interface MoneyValue {
  /** null when the denominator is 0. */
  dollars: number | null;
  dollarYear: number | null;
  source: string;
}

/** The cost metrics of METRICS.md over the discharged episodes of one group. */
export interface CostBlock {
  /** Level of care code, or 'all'. */
  levelOfCare: string;
  discharged: number;
  totalCharges: MoneyValue;
  weeksInTreatment: number;
  costPerEpisode: MoneyValue;
  costPerWeek: MoneyValue;
  costPerCompleter: MoneyValue;
  costPerRetained90: MoneyValue;
  costPerAbstinent: MoneyValue;
  /** Completed (reason 1) / discharged. */
  completion: RateValue;
  /** Length of stay >= 90 / discharged. */
  retained90: RateValue;
  /** Abstinent in the final 4 weeks / discharged. */
  abstinent: RateValue;
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
  iopCostPerEpisode: MoneyValue;
  /** Rate per day x mean length of stay (days) of the discharged IOP episodes. */
  comparatorCostPerEpisode: MoneyValue;
  iopCostPerWeek: MoneyValue;
  /** Rate per day x 7. */
  comparatorCostPerWeek: MoneyValue;
  /** comparatorCostPerEpisode - iopCostPerEpisode. */
  savingsPerEpisode: MoneyValue;
}

/** GET /api/v1/costs/summary (METRICS.md cost-effectiveness, payer view). */
export interface CostSummaryResponse {
  asOf: string | null;
  /** Dollar year of the charges and rates (the settings' dollar year); charges are taken at face value. */
  dollarYear: number | null;
  /** Selected episodes; active ones are left out of every cost figure (their costs and outcomes are incomplete). */
  episodes: number;
  activeExcluded: number;
  overall: CostBlock;
  byLevelOfCare: CostBlock[];
  icer: { a: string; b: string; perAdditionalCompleter: Icer; perAdditionalAbstinent: Icer };
  comparisonRates: ComparisonRate[];
  perDayComparisons: PerDayComparison[];
}
