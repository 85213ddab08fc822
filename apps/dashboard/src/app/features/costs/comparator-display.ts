import {
  type ComparatorConclusion,
  type CostSummaryResponse,
  dollarsOrNull,
  isSuppressed,
  type MoneyOrSuppressed,
  numberOrNull,
  type PerDayComparison,
  type SuppressedValue,
} from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { formatDecimal, formatPercent, WITHHELD_TEXT } from '../../ui/formats/number-format';
import { moneyText } from './cost-format';
import type { BarGroup, GroupedBar } from './costs-display';

/**
 * "Residential (3.5)": the name the settings key gives the rate, short enough for an axis tick, with the
 * level of care it prices when the setting names one.
 */
export function comparatorLabel(comparison: Pick<PerDayComparison, 'key' | 'levelOfCare'>): string {
  const name = comparison.key
    .replace(/^cost_rate\./, '')
    .replace(/_per_day$/, '')
    .replace(/_/g, ' ');
  const capitalized = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return comparison.levelOfCare === null ? capitalized : `${capitalized} (${comparison.levelOfCare})`;
}

export const IOP_ACTUAL_SERIES = 'IOP, actual charges';
export const COMPARATOR_LOW_SERIES = 'Comparator, shortest published stay';
export const COMPARATOR_TYPICAL_SERIES = 'Comparator, typical stay';
export const COMPARATOR_HIGH_SERIES = 'Comparator, longest published stay';
export const SENSITIVITY_SERIES = [
  IOP_ACTUAL_SERIES,
  COMPARATOR_LOW_SERIES,
  COMPARATOR_TYPICAL_SERIES,
  COMPARATOR_HIGH_SERIES,
];

const CONCLUSION_TEXT: Record<ComparatorConclusion, string> = {
  iop_cheaper: 'IOP is cheaper across the whole range',
  comparator_cheaper: 'the comparator is cheaper across the whole range',
  depends_on_length_of_stay: 'the answer turns within the range',
  not_estimable: 'no discharged IOP episode to compare',
};

export function conclusionText(conclusion: ComparatorConclusion | SuppressedValue): string {
  return isSuppressed(conclusion) ? `withheld (${WITHHELD_TEXT} discharged IOP episodes)` : CONCLUSION_TEXT[conclusion];
}

/** "11 days (published range 11–29)". */
export function lengthOfStayText({ lengthOfStay }: Pick<PerDayComparison, 'lengthOfStay'>): string {
  const { typicalDays, lowDays, highDays } = lengthOfStay;
  const range = lowDays === highDays ? '' : ` (published range ${formatDecimal(lowDays)}–${formatDecimal(highDays)})`;
  return `${formatDecimal(typicalDays)} days${range}`;
}

/** Per comparator: IOP's charges per episode against the comparator at its low, typical and high length of stay. */
export function comparatorSensitivityBars(summary: CostSummaryResponse): BarGroup[] {
  return summary.perDayComparisons.map((comparison) => ({
    name: comparatorLabel(comparison),
    series: [
      { name: IOP_ACTUAL_SERIES, value: dollarsOrNull(comparison.iopCostPerEpisode) },
      { name: COMPARATOR_LOW_SERIES, value: comparison.sensitivity.low.comparatorCostPerEpisode.dollars },
      { name: COMPARATOR_TYPICAL_SERIES, value: comparison.comparatorCostPerEpisode.dollars },
      { name: COMPARATOR_HIGH_SERIES, value: comparison.sensitivity.high.comparatorCostPerEpisode.dollars },
    ].filter((bar): bar is GroupedBar => bar.value !== null),
  }));
}

export const OUTCOME_COST_SERIES = [
  'IOP per completer',
  'Comparator per completer',
  'IOP per abstinent patient',
  'Comparator per abstinent patient',
];

/** Per comparator: cost per completer and per abstinent patient, IOP's own against the comparator's. */
export function comparatorOutcomeBars(summary: CostSummaryResponse): BarGroup[] {
  return summary.perDayComparisons.map((comparison) => {
    const values = [
      dollarsOrNull(comparison.perCompleter.iop),
      comparison.perCompleter.comparator.dollars,
      dollarsOrNull(comparison.perAbstinent.iop),
      comparison.perAbstinent.comparator.dollars,
    ];
    return {
      name: comparatorLabel(comparison),
      series: OUTCOME_COST_SERIES.map((name, i) => ({ name, value: values[i] })).filter(
        (bar): bar is GroupedBar => bar.value !== null,
      ),
    };
  });
}

/** The table view (and CSV) of the comparison: every figure with its length of stay, range, conclusion and sources. */
export function comparatorTable(summary: CostSummaryResponse): FrameTable {
  return {
    columns: [
      { key: 'comparator', header: 'Compared with' },
      { key: 'ratePerDay', header: 'Rate per day', format: 'currency' },
      { key: 'typicalDays', header: 'Typical stay (days)', format: 'number' },
      { key: 'lowDays', header: 'Shortest published stay (days)', format: 'number' },
      { key: 'highDays', header: 'Longest published stay (days)', format: 'number' },
      { key: 'comparatorPerEpisode', header: 'Comparator per episode', format: 'currency' },
      { key: 'iopPerEpisode', header: 'IOP per episode', format: 'currency' },
      { key: 'savingsPerEpisode', header: 'Savings per episode', format: 'currency' },
      { key: 'savingsLow', header: 'Savings, shortest stay', format: 'currency' },
      { key: 'savingsHigh', header: 'Savings, longest stay', format: 'currency' },
      { key: 'breakEvenDays', header: 'Break-even stay (days)', format: 'number' },
      { key: 'conclusion', header: 'Across the range' },
      { key: 'iopPerWeek', header: 'IOP per week', format: 'currency' },
      { key: 'comparatorPerWeek', header: 'Comparator per week', format: 'currency' },
      { key: 'lengthOfStaySource', header: 'Length of stay source' },
    ],
    rows: summary.perDayComparisons.map((comparison) => ({
      comparator: comparatorLabel(comparison),
      ratePerDay: comparison.ratePerDay.dollars,
      typicalDays: comparison.lengthOfStay.typicalDays,
      lowDays: comparison.lengthOfStay.lowDays,
      highDays: comparison.lengthOfStay.highDays,
      comparatorPerEpisode: comparison.comparatorCostPerEpisode.dollars,
      iopPerEpisode: dollarsOrNull(comparison.iopCostPerEpisode),
      savingsPerEpisode: dollarsOrNull(comparison.savingsPerEpisode),
      savingsLow: dollarsOrNull(comparison.sensitivity.low.savingsPerEpisode),
      savingsHigh: dollarsOrNull(comparison.sensitivity.high.savingsPerEpisode),
      breakEvenDays: numberOrNull(comparison.sensitivity.breakEvenDays),
      conclusion: conclusionText(comparison.sensitivity.conclusion),
      iopPerWeek: dollarsOrNull(comparison.iopCostPerWeek),
      comparatorPerWeek: comparison.comparatorCostPerWeek.dollars,
      lengthOfStaySource: comparison.lengthOfStay.source,
    })),
  };
}

/** The table view of cost per completer and per abstinent patient against each comparator, with the rates' sources. */
export function comparatorOutcomeTable(summary: CostSummaryResponse): FrameTable {
  return {
    columns: [
      { key: 'comparator', header: 'Compared with' },
      { key: 'iopPerCompleter', header: 'IOP per completer', format: 'currency' },
      { key: 'comparatorPerCompleter', header: 'Comparator per completer', format: 'currency' },
      { key: 'completionRate', header: 'Comparator completion rate', format: 'rate' },
      { key: 'completionSource', header: 'Completion rate source' },
      { key: 'iopPerAbstinent', header: 'IOP per abstinent patient', format: 'currency' },
      { key: 'comparatorPerAbstinent', header: 'Comparator per abstinent patient', format: 'currency' },
      { key: 'abstinenceRate', header: 'Comparator abstinence rate', format: 'rate' },
      { key: 'abstinenceSource', header: 'Abstinence rate source' },
    ],
    rows: summary.perDayComparisons.map((comparison) => ({
      comparator: comparatorLabel(comparison),
      iopPerCompleter: dollarsOrNull(comparison.perCompleter.iop),
      comparatorPerCompleter: comparison.perCompleter.comparator.dollars,
      completionRate: comparison.perCompleter.comparatorRate.value,
      completionSource: comparison.perCompleter.comparatorRate.source,
      iopPerAbstinent: dollarsOrNull(comparison.perAbstinent.iop),
      comparatorPerAbstinent: comparison.perAbstinent.comparator.dollars,
      abstinenceRate: comparison.perAbstinent.comparatorRate.value,
      abstinenceSource: comparison.perAbstinent.comparatorRate.source,
    })),
  };
}

/** What a payer reads first about one comparator: its stay with the source, and whether the conclusion holds. */
export interface ComparatorLines {
  label: string;
  lengthOfStay: string;
  lengthOfStaySource: string;
  savings: string;
  range: string;
  perOutcome: string;
  outcomeSources: string;
}

function savingsText(amount: MoneyOrSuppressed, ratePerDay: MoneyOrSuppressed): string {
  if (isSuppressed(amount)) return `savings withheld (${WITHHELD_TEXT} discharged IOP episodes)`;
  const savings = amount.dollars;
  if (savings === null) return 'no discharged IOP episode to compare';
  const rate = `at ${moneyText(ratePerDay)} a day`;
  return savings >= 0
    ? `${moneyText(amount)} saved per episode ${rate}`
    : `IOP costs ${moneyText({ ...amount, dollars: -savings })} more per episode ${rate}`;
}

export function comparatorLines(summary: CostSummaryResponse): ComparatorLines[] {
  return summary.perDayComparisons.map((comparison) => {
    const { low, high, conclusion } = comparison.sensitivity;
    const { perCompleter, perAbstinent } = comparison;
    return {
      label: comparatorLabel(comparison),
      lengthOfStay: lengthOfStayText(comparison),
      lengthOfStaySource: comparison.lengthOfStay.source,
      savings: savingsText(comparison.savingsPerEpisode, comparison.ratePerDay),
      range:
        `From ${formatDecimal(low.days)} to ${formatDecimal(high.days)} days: savings ` +
        `${moneyText(low.savingsPerEpisode)} to ${moneyText(high.savingsPerEpisode)}; ${conclusionText(conclusion)}.`,
      perOutcome:
        `Per completer: IOP ${moneyText(perCompleter.iop)}, comparator ${moneyText(perCompleter.comparator)} ` +
        `(${formatPercent(perCompleter.comparatorRate.value)} complete). Per abstinent patient: IOP ` +
        `${moneyText(perAbstinent.iop)}, comparator ${moneyText(perAbstinent.comparator)} ` +
        `(${formatPercent(perAbstinent.comparatorRate.value)} abstinent).`,
      outcomeSources: `Completion: ${perCompleter.comparatorRate.source} Abstinence: ${perAbstinent.comparatorRate.source}`,
    };
  });
}
