import type { CostBlock, CostSummaryResponse, Icer, PerDayComparison, SuppressedValue } from '@iop/contracts';
import { exactCount, exactRate, splitEpisodes } from './shared-partitions';
import { REASON_COMPLEMENT, shownCount, suppressOver, suppressPartition, suppressRate, withheld } from './small-cells';

/** Level of care codes of the ICER's arms and of the per-day comparisons (CostsService). */
const IOP = '2.1';
const STANDARD_OUTPATIENT = '1';

/** A cost block with every value withheld: the level's counts are small or would reveal a small one. */
function withheldBlock(block: CostBlock): CostBlock {
  const hidden = withheld(REASON_COMPLEMENT);
  return {
    levelOfCare: block.levelOfCare,
    discharged: hidden,
    totalCharges: hidden,
    weeksInTreatment: hidden,
    costPerEpisode: hidden,
    costPerWeek: hidden,
    costPerCompleter: hidden,
    costPerRetained90: hidden,
    costPerAbstinent: hidden,
    completion: hidden,
    retained90: hidden,
    abstinent: hidden,
  };
}

/**
 * A shown block: discharged is not small here (or the block would be withheld), so charges, weeks and costs per
 * episode and week stand; each outcome's rate and cost per outcome are withheld when the outcome count, or the
 * discharged without it, is 1-10 (money derived from a small count identifies those patients' charges).
 */
function shownBlock(block: CostBlock): CostBlock {
  const discharged = exactCount(block.discharged);
  const outcome = (rate: CostBlock['completion']) => exactRate(rate).numerator;
  return {
    ...block,
    discharged: shownCount(discharged, false),
    totalCharges: suppressOver(block.totalCharges, discharged),
    weeksInTreatment: suppressOver(block.weeksInTreatment, discharged),
    costPerEpisode: suppressOver(block.costPerEpisode, discharged),
    costPerWeek: suppressOver(block.costPerWeek, discharged),
    costPerCompleter: suppressOver(block.costPerCompleter, outcome(block.completion)),
    costPerRetained90: suppressOver(block.costPerRetained90, outcome(block.retained90)),
    costPerAbstinent: suppressOver(block.costPerAbstinent, outcome(block.abstinent)),
    completion: suppressRate(block.completion),
    retained90: suppressRate(block.retained90),
    abstinent: suppressRate(block.abstinent),
  };
}

/** The counts of a block that add up across levels to the overall block's: each outcome and its complement. */
function blockCounts(block: CostBlock): number[] {
  const discharged = exactCount(block.discharged);
  const outcomes = [block.completion, block.retained90, block.abstinent].map((rate) => exactRate(rate).numerator);
  return [discharged, ...outcomes, ...outcomes.map((count) => discharged - count)];
}

/**
 * Costs. Episodes = active + discharged (splitEpisodes, as the summary). The levels of care partition the
 * overall block: a level is withheld whole when any of its counts (discharged, each outcome, each outcome's
 * complement) is 1-10, plus complementary levels until the withheld ones cannot be recovered from the overall
 * block. The overall block is withheld whole when the discharged are (splitEpisodes), and then at least one
 * level is withheld so the levels do not add up to it. An ICER is withheld when either
 * arm's block is, and the comparisons' IOP amounts as the IOP block (suppressComparison).
 */
export function suppressCosts(costs: CostSummaryResponse): CostSummaryResponse {
  const episodes = exactCount(costs.episodes);
  const active = exactCount(costs.activeExcluded);
  const discharged = exactCount(costs.overall.discharged);
  const split = splitEpisodes(episodes, active, discharged);
  const levels = suppressPartition(costs.byLevelOfCare.map(blockCounts), { totalShown: !split.dischargedHidden });
  // levels.totalHidden needs no action: it only happens when one of the overall counts is itself 1-10, and
  // shownBlock withholds that count's rate and money. Withholding the whole overall block instead would be undone
  // by the summary, which shows the same discharged episodes.
  const overallHidden = split.dischargedHidden;
  const levelHidden = (code: string) => {
    const index = costs.byLevelOfCare.findIndex((block) => block.levelOfCare === code);
    return index >= 0 && levels.hidden[index];
  };
  const icer = (value: Icer): Icer | SuppressedValue =>
    levelHidden(IOP) || levelHidden(STANDARD_OUTPATIENT) ? withheld(REASON_COMPLEMENT) : value;

  return {
    ...costs,
    episodes: shownCount(episodes, split.episodesHidden),
    activeExcluded: shownCount(active, split.activeHidden),
    overall: overallHidden ? withheldBlock(costs.overall) : shownBlock(costs.overall),
    byLevelOfCare: costs.byLevelOfCare.map((block, i) => (levels.hidden[i] ? withheldBlock(block) : shownBlock(block))),
    icer: {
      ...costs.icer,
      perAdditionalCompleter: icer(costs.icer.perAdditionalCompleter as Icer),
      perAdditionalAbstinent: icer(costs.icer.perAdditionalAbstinent as Icer),
    },
    perDayComparisons: costs.perDayComparisons.map((comparison) =>
      suppressComparison(comparison, iopShown(costs.byLevelOfCare, levels.hidden)),
    ),
  };
}

/** The IOP block as the payer sees it: null when it is withheld, undefined when no IOP episode is selected. */
function iopShown(blocks: CostBlock[], hidden: boolean[]): CostBlock | null | undefined {
  const index = blocks.findIndex((block) => block.levelOfCare === IOP);
  if (index < 0) return undefined;
  return hidden[index] ? null : shownBlock(blocks[index]);
}

/**
 * A comparison with an inpatient or residential comparator: the comparator's own amounts come from settings and
 * stand; every amount derived from the IOP episodes is withheld when the IOP block is (`iop` null), and IOP's cost
 * per completer and per abstinent patient are the shown IOP block's (withheld when the outcome count is small).
 */
function suppressComparison(comparison: PerDayComparison, iop: CostBlock | null | undefined): PerDayComparison {
  if (iop === undefined) return comparison;
  if (iop) {
    return {
      ...comparison,
      perCompleter: { ...comparison.perCompleter, iop: iop.costPerCompleter },
      perAbstinent: { ...comparison.perAbstinent, iop: iop.costPerAbstinent },
    };
  }
  const hidden = withheld(REASON_COMPLEMENT);
  const { sensitivity } = comparison;
  return {
    ...comparison,
    iopCostPerEpisode: hidden,
    iopCostPerWeek: hidden,
    savingsPerEpisode: hidden,
    sensitivity: {
      low: { ...sensitivity.low, savingsPerEpisode: hidden },
      high: { ...sensitivity.high, savingsPerEpisode: hidden },
      breakEvenDays: hidden,
      conclusion: hidden,
    },
    perCompleter: { ...comparison.perCompleter, iop: hidden },
    perAbstinent: { ...comparison.perAbstinent, iop: hidden },
  };
}
