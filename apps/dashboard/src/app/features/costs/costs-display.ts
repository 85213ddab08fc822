import type {
  CostBlock,
  CostSummaryResponse,
  MoneyOrSuppressed,
  PerDayComparison,
  RateOrSuppressed,
} from '@iop/contracts';
import { dollarsOrNull, isSuppressed } from '@iop/contracts';
import type { FrameRow, FrameTable } from '../../ui/charts/frame-table';
import { formatCount, formatDecimal, WITHHELD_TEXT } from '../../ui/formats/number-format';
import {
  countText,
  hasDischarges,
  IOP_LEVEL,
  levelOfCareLabel,
  moneyText,
  rateDetailText,
  rateText,
  shortLevelLabel,
  STANDARD_OUTPATIENT_LEVEL,
} from './cost-format';

/** One bar of a grouped chart; `value` is what ngx-charts draws, in dollars or as a proportion. */
export interface GroupedBar {
  name: string;
  value: number;
}

/** A group of bars (one measure, one comparator...) in the shape ngx-charts' 2D bar charts take. */
export interface BarGroup {
  name: string;
  series: GroupedBar[];
}

type CostMeasureKey = 'costPerEpisode' | 'costPerWeek' | 'costPerCompleter' | 'costPerRetained90' | 'costPerAbstinent';

/** The five cost ratios of docs/METRICS.md, in the order the page shows them. */
export const COST_MEASURES: readonly {
  key: CostMeasureKey;
  /** Short, for the chart's axis. */
  label: string;
  cardLabel: string;
  denominator: string;
}[] = [
  { key: 'costPerEpisode', label: 'Per episode', cardLabel: 'Cost per episode', denominator: 'discharged episodes' },
  { key: 'costPerWeek', label: 'Per week', cardLabel: 'Cost per week in treatment', denominator: 'weeks in treatment' },
  { key: 'costPerCompleter', label: 'Per completer', cardLabel: 'Cost per completer', denominator: 'completers' },
  {
    key: 'costPerRetained90',
    label: 'Per 90-day retained',
    cardLabel: 'Cost per patient retained 90 days',
    denominator: 'retained 90 days',
  },
  {
    key: 'costPerAbstinent',
    label: 'Per abstinent patient',
    cardLabel: 'Cost per abstinent patient',
    denominator: 'abstinent in the final 4 weeks',
  },
];

export interface HeadlineCost {
  key: CostMeasureKey;
  label: string;
  value: string;
  /** What the charges were divided by: "$3,614,169 ÷ 375 completers". */
  detail: string;
}

/** The block of one level of care, or undefined when no selected episode has that level. */
export function blockOf(summary: CostSummaryResponse, level: string): CostBlock | undefined {
  return summary.byLevelOfCare.find((block) => block.levelOfCare === level);
}

function denominatorCount(block: CostBlock, key: CostMeasureKey): string {
  switch (key) {
    case 'costPerEpisode':
      return countText(block.discharged);
    case 'costPerWeek':
      return isSuppressed(block.weeksInTreatment) ? WITHHELD_TEXT : formatDecimal(block.weeksInTreatment);
    case 'costPerCompleter':
      return countOf(block.completion);
    case 'costPerRetained90':
      return countOf(block.retained90);
    case 'costPerAbstinent':
      return countOf(block.abstinent);
  }
}

function countOf(rate: RateOrSuppressed): string {
  return isSuppressed(rate) ? WITHHELD_TEXT : formatCount(rate.numerator);
}

/** The five headline amounts of one level of care (IOP on the page), each with its denominator. */
export function headlineCosts(block: CostBlock): HeadlineCost[] {
  return COST_MEASURES.map((measure) => ({
    key: measure.key,
    label: measure.cardLabel,
    value: moneyText(block[measure.key]),
    detail: `${moneyText(block.totalCharges)} ÷ ${denominatorCount(block, measure.key)} ${measure.denominator}`,
  }));
}

/** The arms that are present in the answer, IOP first; a filter on one level leaves only that one. */
function comparedArms(summary: CostSummaryResponse): CostBlock[] {
  return [IOP_LEVEL, STANDARD_OUTPATIENT_LEVEL]
    .map((level) => blockOf(summary, level))
    .filter((block): block is CostBlock => block !== undefined && hasDischarges(block));
}

/** Dollars to draw; a withheld amount gets no bar, like an undefined one. */
const dollarsOf = (value: MoneyOrSuppressed): number | null => dollarsOrNull(value);

/**
 * Grouped bars: one group per cost measure, one bar per arm. A ratio without a value (no completer, say) gets
 * no bar rather than a zero bar, which would claim the outcome was free; the table shows it as a dash.
 */
export function costComparisonBars(summary: CostSummaryResponse): BarGroup[] {
  const arms = comparedArms(summary);
  return COST_MEASURES.map((measure) => ({
    name: measure.label,
    series: arms.flatMap((block) => {
      const dollars = dollarsOf(block[measure.key]);
      return dollars === null ? [] : [{ name: shortLevelLabel(block.levelOfCare), value: dollars }];
    }),
  }));
}

export function costComparisonTable(summary: CostSummaryResponse): FrameTable {
  const arms = comparedArms(summary);
  return {
    columns: [
      { key: 'measure', header: 'Cost' },
      ...arms.map((block) => ({
        key: `level-${block.levelOfCare}`,
        header: levelOfCareLabel(block.levelOfCare),
        format: 'currency' as const,
      })),
    ],
    rows: COST_MEASURES.map((measure) => {
      const row: FrameRow = { measure: measure.label };
      for (const block of arms) row[`level-${block.levelOfCare}`] = dollarsOf(block[measure.key]);
      return row;
    }),
  };
}

/** Discharged episodes of the compared arms: the n of the cost comparison; null when an arm's count is withheld. */
export function comparedDischarged(summary: CostSummaryResponse): number | null {
  let total = 0;
  for (const block of comparedArms(summary)) {
    if (isSuppressed(block.discharged)) return null;
    total += block.discharged;
  }
  return total;
}

type OutcomeKey = 'completion' | 'retained90' | 'abstinent';

export const OUTCOMES: readonly { key: OutcomeKey; label: string }[] = [
  { key: 'completion', label: 'Completed' },
  { key: 'retained90', label: 'Retained 90 days' },
  { key: 'abstinent', label: 'Abstinent, final 4 weeks' },
];

/** One outcome of one level of care with its interval, for the list under the chart. */
export interface OutcomeLine {
  level: string;
  outcome: string;
  rate: string;
  detail: string;
}

/** IOP first and standard outpatient second, so that they keep the colours of the cost comparison. */
const LEVEL_ORDER = [IOP_LEVEL, STANDARD_OUTPATIENT_LEVEL];
const rankOf = (level: string) => (LEVEL_ORDER.includes(level) ? LEVEL_ORDER.indexOf(level) : LEVEL_ORDER.length);

export function levelsWithDischarges(summary: CostSummaryResponse): CostBlock[] {
  return summary.byLevelOfCare.filter(hasDischarges).sort((a, b) => rankOf(a.levelOfCare) - rankOf(b.levelOfCare));
}

/** One group per outcome, one bar per level of care; withheld or undefined rates get no bar. */
export function outcomeRateBars(summary: CostSummaryResponse): BarGroup[] {
  const levels = levelsWithDischarges(summary);
  return OUTCOMES.map((outcome) => ({
    name: outcome.label,
    series: levels.flatMap((block) => {
      const rate = block[outcome.key];
      return isSuppressed(rate) || rate.rate === null
        ? []
        : [{ name: shortLevelLabel(block.levelOfCare), value: rate.rate }];
    }),
  }));
}

export function outcomeRateLines(summary: CostSummaryResponse): OutcomeLine[] {
  return levelsWithDischarges(summary).flatMap((block) =>
    OUTCOMES.map((outcome) => {
      const rate = block[outcome.key];
      return {
        level: shortLevelLabel(block.levelOfCare),
        outcome: outcome.label,
        rate: rateText(rate),
        detail: rateDetailText(rate),
      };
    }),
  );
}

/** The table keeps the raw proportions (the CSV computes with them); a withheld cell reads "fewer than 11". */
export function outcomeRateTable(summary: CostSummaryResponse): FrameTable {
  return {
    columns: [
      { key: 'level', header: 'Level of care' },
      { key: 'outcome', header: 'Outcome' },
      { key: 'rate', header: 'Rate', format: 'rate' },
      { key: 'ciLow', header: '95% CI low', format: 'rate' },
      { key: 'ciHigh', header: '95% CI high', format: 'rate' },
      { key: 'numerator', header: 'Patients', format: 'count' },
      { key: 'denominator', header: 'Discharged', format: 'count' },
    ],
    rows: levelsWithDischarges(summary).flatMap((block) =>
      OUTCOMES.map((outcome): FrameRow => {
        const rate = block[outcome.key];
        const base = { level: levelOfCareLabel(block.levelOfCare), outcome: outcome.label };
        if (isSuppressed(rate)) {
          return {
            ...base,
            rate: WITHHELD_TEXT,
            ciLow: null,
            ciHigh: null,
            numerator: WITHHELD_TEXT,
            denominator: null,
          };
        }
        return {
          ...base,
          rate: rate.rate,
          ciLow: rate.ci95?.[0] ?? null,
          ciHigh: rate.ci95?.[1] ?? null,
          numerator: rate.numerator,
          denominator: rate.denominator,
        };
      }),
    ),
  };
}

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
export const COMPARATOR_SERIES = 'Comparator, priced per day';

function perDayBars(
  comparisons: readonly PerDayComparison[],
  iop: (comparison: PerDayComparison) => MoneyOrSuppressed,
  comparator: (comparison: PerDayComparison) => MoneyOrSuppressed,
): BarGroup[] {
  return comparisons.map((comparison) => ({
    name: comparatorLabel(comparison),
    series: [
      { name: IOP_ACTUAL_SERIES, value: dollarsOf(iop(comparison)) },
      { name: COMPARATOR_SERIES, value: dollarsOf(comparator(comparison)) },
    ].filter((bar): bar is GroupedBar => bar.value !== null),
  }));
}

/** Per comparator: IOP's charges per episode against the comparator's rate over the same days. */
export function perEpisodeComparisonBars(summary: CostSummaryResponse): BarGroup[] {
  return perDayBars(
    summary.perDayComparisons,
    (c) => c.iopCostPerEpisode,
    (c) => c.comparatorCostPerEpisode,
  );
}

export function perWeekComparisonBars(summary: CostSummaryResponse): BarGroup[] {
  return perDayBars(
    summary.perDayComparisons,
    (c) => c.iopCostPerWeek,
    (c) => c.comparatorCostPerWeek,
  );
}

export function perDayComparisonTable(summary: CostSummaryResponse): FrameTable {
  return {
    columns: [
      { key: 'comparator', header: 'Compared with' },
      { key: 'ratePerDay', header: 'Rate per day', format: 'currency' },
      { key: 'iopPerEpisode', header: 'IOP per episode', format: 'currency' },
      { key: 'comparatorPerEpisode', header: 'Comparator per episode', format: 'currency' },
      { key: 'savingsPerEpisode', header: 'Savings per episode', format: 'currency' },
      { key: 'iopPerWeek', header: 'IOP per week', format: 'currency' },
      { key: 'comparatorPerWeek', header: 'Comparator per week', format: 'currency' },
    ],
    rows: summary.perDayComparisons.map((comparison) => ({
      comparator: comparatorLabel(comparison),
      ratePerDay: comparison.ratePerDay.dollars,
      iopPerEpisode: dollarsOf(comparison.iopCostPerEpisode),
      comparatorPerEpisode: dollarsOf(comparison.comparatorCostPerEpisode),
      savingsPerEpisode: dollarsOf(comparison.savingsPerEpisode),
      iopPerWeek: dollarsOf(comparison.iopCostPerWeek),
      comparatorPerWeek: comparison.comparatorCostPerWeek.dollars,
    })),
  };
}

/** "Residential (3.5): $24,410 saved per episode" for each comparator, worded by sign. */
export function savingsLines(summary: CostSummaryResponse): string[] {
  return summary.perDayComparisons.map((comparison) => {
    const amount = comparison.savingsPerEpisode;
    const label = comparatorLabel(comparison);
    if (isSuppressed(amount)) return `${label}: savings withheld (${WITHHELD_TEXT} discharged IOP episodes)`;
    const savings = amount.dollars;
    if (savings === null) return `${label}: no discharged IOP episode to compare`;
    return savings >= 0
      ? `${label}: ${moneyText(amount)} saved per episode (${moneyText(comparison.ratePerDay)} a day)`
      : `${label}: IOP costs ${moneyText({ ...amount, dollars: -savings })} more per episode (${moneyText(comparison.ratePerDay)} a day)`;
  });
}

/** What the page leaves out, in a sentence; active episodes have unfinished charges and outcomes. */
export function exclusionText(summary: CostSummaryResponse): string {
  const active = summary.activeExcluded;
  const discharged = summary.overall.discharged;
  const activeText =
    active === 0
      ? 'No selected episode is still active'
      : `${countText(active)} active ${active === 1 ? 'episode is' : 'episodes are'} left out (charges and outcomes not final)`;
  return `${activeText}; the figures cover ${countText(discharged)} discharged of ${countText(summary.episodes)} selected episodes. Inpatient and residential care are compared only through per-day rates: the data has no inpatient outcomes, so no ICER is computed against them.`;
}

/** No discharged episode: no cost can be computed, whatever the active count. */
export function isCostSummaryEmpty(summary: CostSummaryResponse): boolean {
  return summary.overall.discharged === 0;
}
