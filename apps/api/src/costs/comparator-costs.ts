import type {
  ComparatorAtLengthOfStay,
  ComparatorConclusion,
  ComparatorOutcomeCost,
  ComparatorSetting,
  MoneyValue,
  PerDayComparison,
  SourcedRate,
} from '@iop/contracts';
import type { CostCounts, CostRateSetting } from './costs.query';

/** Exact cents, or null when a denominator is 0. */
export type Cents = number | null;
/** Cents as the answer's money: rounded to the cent only here, with the dollar year and a source. */
export type Pricing = (cents: Cents, source?: string) => MoneyValue;

export const CHARGES_SOURCE = 'Charges of the discharged episodes (episode facts), at face value';

export const divide = (numerator: number, denominator: number): Cents =>
  denominator === 0 ? null : numerator / denominator;

export const rateSource = (rate: CostRateSetting) => `settings ${rate.key}: ${rate.source ?? 'no source given'}`;

/**
 * Whether IOP is cheaper per episode at both ends of the comparator's length-of-stay range. Savings grow with the
 * comparator's length of stay, so the two ends decide for the whole range.
 */
export function conclusionOver(savingsAtLow: Cents, savingsAtHigh: Cents): ComparatorConclusion {
  if (savingsAtLow === null || savingsAtHigh === null) return 'not_estimable';
  if (savingsAtLow > 0 && savingsAtHigh > 0) return 'iop_cheaper';
  if (savingsAtLow < 0 && savingsAtHigh < 0) return 'comparator_cheaper';
  return 'depends_on_length_of_stay';
}

/**
 * The discharged IOP episodes against a comparator episode priced at its per-day rate for its own typical length
 * of stay (settings `comparator.<kind>`, docs/METRICS.md "Costs"), with the range from its low to its high
 * published length of stay, and cost per completer and per abstinent patient: IOP's from its own outcomes, the
 * comparator's from its published outcome rates. `iopPerCompleter` and `iopPerAbstinent` are the IOP block's
 * figures, so that a payer sees the same amount (or the same suppression) in both places.
 */
export function perDayComparison(
  rate: CostRateSetting,
  comparator: ComparatorSetting,
  iop: CostCounts,
  money: Pricing,
  iopPerOutcome: { completer: MoneyValue; abstinent: MoneyValue },
): PerDayComparison {
  const perDay = rate.value.amountCents as number;
  const rateText = rateSource(rate);
  const { lengthOfStay } = comparator;
  const losText = `settings ${comparator.key}: ${lengthOfStay.source}`;
  const comparatorSource = `${rateText}; x length of stay, ${losText}`;
  const iopPerEpisode = divide(iop.chargesCents, iop.discharged);
  const savingsSource = `${comparatorSource}; minus ${CHARGES_SOURCE}`;
  const savingsAt = (days: number): Cents => (iopPerEpisode === null ? null : perDay * days - iopPerEpisode);
  const atLengthOfStay = (days: number): ComparatorAtLengthOfStay => ({
    days,
    comparatorCostPerEpisode: money(perDay * days, comparatorSource),
    savingsPerEpisode: money(savingsAt(days), savingsSource),
  });
  const comparatorPerEpisode = perDay * lengthOfStay.typicalDays;
  const perOutcome = (iopCost: MoneyValue, outcomeRate: SourcedRate, name: string): ComparatorOutcomeCost => ({
    iop: iopCost,
    comparator: money(
      divide(comparatorPerEpisode, outcomeRate.value),
      `${comparatorSource}; / ${name} rate, settings ${comparator.key}: ${outcomeRate.source}`,
    ),
    comparatorRate: outcomeRate,
  });
  return {
    key: rate.key,
    comparator: comparator.kind,
    levelOfCare: rate.value.levelOfCare ?? null,
    ratePerDay: money(perDay, rateText),
    lengthOfStay,
    iopCostPerEpisode: money(iopPerEpisode),
    comparatorCostPerEpisode: money(comparatorPerEpisode, comparatorSource),
    iopCostPerWeek: money(divide(iop.chargesCents, iop.lengthOfStayDays / 7)),
    comparatorCostPerWeek: money(perDay * 7, rateText),
    savingsPerEpisode: money(savingsAt(lengthOfStay.typicalDays), savingsSource),
    sensitivity: {
      low: atLengthOfStay(lengthOfStay.lowDays),
      high: atLengthOfStay(lengthOfStay.highDays),
      breakEvenDays: iopPerEpisode === null ? null : iopPerEpisode / perDay,
      conclusion: conclusionOver(savingsAt(lengthOfStay.lowDays), savingsAt(lengthOfStay.highDays)),
    },
    perCompleter: perOutcome(iopPerOutcome.completer, comparator.completionRate, 'completion'),
    perAbstinent: perOutcome(iopPerOutcome.abstinent, comparator.abstinenceRate, 'abstinence'),
  };
}
