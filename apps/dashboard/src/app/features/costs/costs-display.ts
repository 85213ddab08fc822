import type { CostBlock, CostSummaryResponse, MoneyOrSuppressed, RateOrSuppressed } from '@iop/contracts';
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
import { comparatorLabel, IOP_ACTUAL_SERIES } from './comparator-display';

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

export const COMPARATOR_PER_WEEK_SERIES = 'Comparator, rate per day × 7';

/** Per comparator: IOP's charges per week of stay against the comparator's rate for seven days. */
export function perWeekComparisonBars(summary: CostSummaryResponse): BarGroup[] {
  return summary.perDayComparisons.map((comparison) => ({
    name: comparatorLabel(comparison),
    series: [
      { name: IOP_ACTUAL_SERIES, value: dollarsOf(comparison.iopCostPerWeek) },
      { name: COMPARATOR_PER_WEEK_SERIES, value: comparison.comparatorCostPerWeek.dollars },
    ].filter((bar): bar is GroupedBar => bar.value !== null),
  }));
}

/** What the page leaves out, in a sentence; active episodes have unfinished charges and outcomes. */
export function exclusionText(summary: CostSummaryResponse): string {
  const active = summary.activeExcluded;
  const discharged = summary.overall.discharged;
  const activeText =
    active === 0
      ? 'No selected episode is still active'
      : `${countText(active)} active ${active === 1 ? 'episode is' : 'episodes are'} left out (charges and outcomes not final)`;
  return `${activeText}; the figures cover ${countText(discharged)} discharged of ${countText(summary.episodes)} selected episodes. An inpatient or residential episode is priced at its per-day rate for its own typical length of stay (settings, with their sources): the data has no inpatient outcomes, so no ICER is computed against them.`;
}

/** No discharged episode: no cost can be computed, whatever the active count. */
export function isCostSummaryEmpty(summary: CostSummaryResponse): boolean {
  return summary.overall.discharged === 0;
}
