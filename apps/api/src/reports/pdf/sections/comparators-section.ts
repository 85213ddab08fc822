import {
  type ComparatorConclusion,
  type CostSummaryResponse,
  isSuppressed,
  LEVEL_OF_CARE_LABELS,
  type LevelOfCare,
  type MoneyOrSuppressed,
  type PerDayComparison,
  type SuppressedValue,
} from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCurrency, formatDecimal, formatPercent, formatSuppressed, winAnsi } from '../report-format';
import { dataTable, note } from './layout';

const CONCLUSION: Record<ComparatorConclusion, string> = {
  iop_cheaper: 'IOP cheaper across the range',
  comparator_cheaper: 'comparator cheaper across the range',
  depends_on_length_of_stay: 'turns within the range',
  not_estimable: 'not estimable (no discharged IOP episode)',
};

function money(value: MoneyOrSuppressed): string {
  if (isSuppressed(value)) return formatSuppressed(value);
  return value.dollars === null ? 'not defined' : formatCurrency(value.dollars);
}

function conclusionText(conclusion: ComparatorConclusion | SuppressedValue): string {
  return isSuppressed(conclusion) ? formatSuppressed(conclusion) : CONCLUSION[conclusion];
}

export function comparatorName(comparison: Pick<PerDayComparison, 'comparator' | 'levelOfCare'>): string {
  const label = comparison.levelOfCare ? LEVEL_OF_CARE_LABELS[comparison.levelOfCare as LevelOfCare] : undefined;
  return label ?? (comparison.comparator === 'inpatient' ? 'Inpatient' : 'Residential');
}

const daysText = (days: number) => `${formatDecimal(days)} days`;

/** "11 days (11-29)": the typical comparator length of stay and its sensitivity range. */
export const lengthOfStayText = ({ lengthOfStay }: PerDayComparison) =>
  `${daysText(lengthOfStay.typicalDays)} (${formatDecimal(lengthOfStay.lowDays)}-${formatDecimal(lengthOfStay.highDays)})`;

/** The rows the section's tables show, for its footnotes. */
export function comparatorRows(costs: CostSummaryResponse): { episode: string[][]; outcome: string[][] } {
  return {
    episode: costs.perDayComparisons.map((c) => [
      comparatorName(c),
      money(c.ratePerDay),
      lengthOfStayText(c),
      money(c.comparatorCostPerEpisode),
      money(c.iopCostPerEpisode),
      money(c.savingsPerEpisode),
      `${money(c.sensitivity.low.savingsPerEpisode)} to ${money(c.sensitivity.high.savingsPerEpisode)}`,
      conclusionText(c.sensitivity.conclusion),
    ]),
    outcome: costs.perDayComparisons.map((c) => [
      comparatorName(c),
      money(c.perCompleter.iop),
      `${money(c.perCompleter.comparator)} (${formatPercent(c.perCompleter.comparatorRate.value)} complete)`,
      money(c.perAbstinent.iop),
      `${money(c.perAbstinent.comparator)} (${formatPercent(c.perAbstinent.comparatorRate.value)} abstinent)`,
    ]),
  };
}

/**
 * IOP against inpatient and residential care: each comparator episode priced at its per-day rate for its own typical
 * length of stay, the savings at the low and high ends of its published range, cost per outcome from its published
 * outcome rates, and every figure's source.
 */
export function comparatorsContent(costs: CostSummaryResponse): Content[] {
  if (!costs.perDayComparisons.length) return [];
  const { episode, outcome } = comparatorRows(costs);
  return [
    { text: 'Inpatient and residential comparators', style: 'subheading' },
    dataTable(
      [
        'Comparator',
        'Rate per day',
        'Length of stay (range)',
        'Comparator per episode',
        'IOP per episode',
        'Savings per episode',
        'Savings over the range',
        'Conclusion',
      ],
      episode,
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
    ),
    { text: 'Cost per outcome against the comparators', style: 'subheading' },
    dataTable(
      ['Comparator', 'IOP per completer', 'Comparator per completer', 'IOP per abstinent', 'Comparator per abstinent'],
      outcome,
      ['*', 'auto', 'auto', 'auto', 'auto'],
    ),
    note(
      "A comparator episode is its per-day rate x its own typical length of stay (the organisation's settings), " +
        "never the IOP episodes' days; the range runs from a low to a high published length of stay. Cost per " +
        "outcome for a comparator divides its episode cost by its published outcome rate; IOP's uses its own outcomes.",
    ),
    {
      ul: costs.perDayComparisons.map((c) =>
        winAnsi(
          [
            `${comparatorName(c)}. Length of stay: ${c.lengthOfStay.source}`,
            `Completion: ${c.perCompleter.comparatorRate.source}`,
            `Abstinence: ${c.perAbstinent.comparatorRate.source}`,
            `Rate: ${c.ratePerDay.source}.`,
          ].join(' '),
        ),
      ),
      style: 'note',
    },
  ];
}
