import {
  type ComparatorKind,
  type ComparatorSetting,
  comparatorOfRate,
  type ComparisonRate,
  type CostBlock,
  type CostSummaryResponse,
  type EpisodeFilters,
  type Icer,
  LEVELS_OF_CARE,
  type MoneyValue,
} from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ResultCache } from '../common/result-cache';
import { toRate } from '../episodes/rate';
import { forScope } from '../suppression/shared-partitions';
import { suppressCosts } from '../suppression/suppress-costs';
import { addKeyed, type KeyedCount, perturbedCount } from '../suppression/cell-key';
import { CHARGES_SOURCE, divide, perDayComparison, type Pricing, rateSource } from './comparator-costs';
import { COST_COUNT_NAMES, type CostCountName, type CostCounts, type CostRateSetting, CostsQuery } from './costs.query';

export { CHARGES_SOURCE };
const IOP = '2.1';
const STANDARD_OUTPATIENT = '1';

const NO_KEYS: CostCounts['cellKeys'] = { discharged: 0, active: 0, completed: 0, retained90: 0, abstinent: 0 };

const EMPTY: Omit<CostCounts, 'levelOfCare'> = {
  discharged: 0,
  active: 0,
  chargesCents: 0,
  lengthOfStayDays: 0,
  completed: 0,
  retained90: 0,
  abstinent: 0,
  cellKeys: NO_KEYS,
};

/** Two disjoint sets of episodes together: counts and sums add, and so do the counts' cell keys. */
function addCounts(a: CostCounts, b: CostCounts): CostCounts {
  const keyed = (name: CostCountName) =>
    addKeyed({ n: a[name], key: a.cellKeys[name] }, { n: b[name], key: b.cellKeys[name] });
  return {
    levelOfCare: a.levelOfCare,
    discharged: a.discharged + b.discharged,
    active: a.active + b.active,
    chargesCents: a.chargesCents + b.chargesCents,
    lengthOfStayDays: a.lengthOfStayDays + b.lengthOfStayDays,
    completed: a.completed + b.completed,
    retained90: a.retained90 + b.retained90,
    abstinent: a.abstinent + b.abstinent,
    cellKeys: Object.fromEntries(COST_COUNT_NAMES.map((name) => [name, keyed(name).key])) as CostCounts['cellKeys'],
  };
}

/** The counts as a payer sees them: each count of episodes perturbed by its cell key, charges and days as they are. */
function perturbCounts(counts: CostCounts): CostCounts {
  const perturbed = { ...counts };
  for (const name of COST_COUNT_NAMES) {
    perturbed[name] = perturbedCount({ n: counts[name], key: counts.cellKeys[name] });
  }
  // Each outcome is a part of the discharged: capped at them, so no rate passes 100%.
  for (const name of ['completed', 'retained90', 'abstinent'] as const) {
    perturbed[name] = Math.min(perturbed[name], perturbed.discharged);
  }
  return perturbed;
}

/** The selected episodes (active and discharged) of the counts. */
const episodesOf = (counts: CostCounts): KeyedCount =>
  addKeyed(
    { n: counts.active, key: counts.cellKeys.active },
    { n: counts.discharged, key: counts.cellKeys.discharged },
  );

@Injectable()
export class CostsService {
  constructor(
    private readonly query: CostsQuery,
    private readonly cache: ResultCache,
  ) {}

  /**
   * The cost metrics of METRICS.md overall and per level of care, the ICERs and the per-day comparisons;
   * remembered until the next load or a change of the settings that price them (ResultCache).
   */
  summary(scope: AccessScope, filters: EpisodeFilters): Promise<CostSummaryResponse> {
    return this.cache.get(scope, filters, 'costs', () => this.computeSummary(scope, filters));
  }

  private async computeSummary(scope: AccessScope, filters: EpisodeFilters): Promise<CostSummaryResponse> {
    const { asOf, byLevel, rates, comparators } = await this.query.run(scope, filters);
    const years = rates.map((rate) => rate.dollarYear).filter((year): year is number => year !== null);
    const dollarYear = years.length ? Math.max(...years) : null;
    // Every amount is rounded to the cent only at the end, from exact cents.
    const money: Pricing = (cents, source = CHARGES_SOURCE) => ({
      dollars: cents === null ? null : Math.round(cents) / 100,
      dollarYear,
      source,
    });
    const levels = [...byLevel].sort(
      (a, b) =>
        LEVELS_OF_CARE.indexOf(a.levelOfCare as (typeof LEVELS_OF_CARE)[number]) -
        LEVELS_OF_CARE.indexOf(b.levelOfCare as (typeof LEVELS_OF_CARE)[number]),
    );
    const total = levels.reduce<CostCounts>(addCounts, { levelOfCare: 'all', ...EMPTY });
    const answerOf = (count: (counts: CostCounts) => CostCounts, episodes: number): CostSummaryResponse =>
      costSummary(asOf, dollarYear, money, { rates, comparators }, levels.map(count), count(total), episodes);
    return forScope(
      scope,
      answerOf((counts) => counts, episodesOf(total).n),
      suppressCosts,
      () => answerOf(perturbCounts, perturbedCount(episodesOf(total))),
    );
  }
}

/** The answer from the counts of each level and of all (exact, or perturbed for a payer). */
function costSummary(
  asOf: string | null,
  dollarYear: number | null,
  money: Pricing,
  { rates, comparators }: { rates: CostRateSetting[]; comparators: Record<ComparatorKind, ComparatorSetting> },
  levels: CostCounts[],
  total: CostCounts,
  episodes: number,
): CostSummaryResponse {
  const find = (code: string): CostCounts =>
    levels.find((l) => l.levelOfCare === code) ?? { levelOfCare: code, ...EMPTY };
  const iop = find(IOP);
  const iopBlock = costBlock(iop, money);
  const outpatient = find(STANDARD_OUTPATIENT);
  return {
    asOf,
    dollarYear,
    episodes,
    activeExcluded: total.active,
    overall: costBlock(total, money),
    byLevelOfCare: levels.map((level) => costBlock(level, money)),
    icer: {
      a: `Level ${IOP} (IOP)`,
      b: `Level ${STANDARD_OUTPATIENT} (standard outpatient)`,
      perAdditionalCompleter: icer('completer', iop, outpatient, (c) => c.completed, money),
      perAdditionalAbstinent: icer('abstinent', iop, outpatient, (c) => c.abstinent, money),
    },
    comparisonRates: rates.map(
      (rate): ComparisonRate => ({
        key: rate.key,
        levelOfCare: rate.value.levelOfCare ?? null,
        per: rate.value.per ?? 'unknown',
        amount: money(rate.value.amountCents ?? null, rateSource(rate)),
      }),
    ),
    // Only a per-day rate with a comparator setting is compared: without its own length of stay there is no fair
    // comparator episode.
    perDayComparisons: rates.flatMap((rate) => {
      const kind = comparatorOfRate(rate.key);
      if (kind === null || rate.value.per !== 'day' || typeof rate.value.amountCents !== 'number') return [];
      return [
        perDayComparison(rate, comparators[kind], iop, money, {
          completer: iopBlock.costPerCompleter as MoneyValue,
          abstinent: iopBlock.costPerAbstinent as MoneyValue,
        }),
      ];
    }),
  };
}

function costBlock(counts: CostCounts, money: Pricing): CostBlock {
  const charges = counts.chargesCents;
  const weeks = counts.lengthOfStayDays / 7;
  return {
    levelOfCare: counts.levelOfCare,
    discharged: counts.discharged,
    totalCharges: money(charges),
    weeksInTreatment: weeks,
    costPerEpisode: money(divide(charges, counts.discharged)),
    costPerWeek: money(divide(charges, weeks)),
    costPerCompleter: money(divide(charges, counts.completed)),
    costPerRetained90: money(divide(charges, counts.retained90)),
    costPerAbstinent: money(divide(charges, counts.abstinent)),
    completion: toRate(counts.completed, counts.discharged),
    retained90: toRate(counts.retained90, counts.discharged),
    abstinent: toRate(counts.abstinent, counts.discharged),
  };
}

/**
 * (cost A - cost B) / (effect A - effect B), costs per discharged episode and effects as shares of discharged
 * episodes. A is dominated when it costs at least as much and achieves at most as much (not both equal),
 * dominant the other way round; otherwise the ratio is a trade-off (more cost for more effect, or savings
 * per unit of effect given up).
 */
function icer(
  effect: Icer['effect'],
  a: CostCounts,
  b: CostCounts,
  outcome: (counts: CostCounts) => number,
  money: Pricing,
): Icer {
  const costA = divide(a.chargesCents, a.discharged);
  const costB = divide(b.chargesCents, b.discharged);
  const effectA = a.discharged ? outcome(a) / a.discharged : null;
  const effectB = b.discharged ? outcome(b) / b.discharged : null;
  const base = { effect, costA: money(costA), costB: money(costB), effectA, effectB };
  if (costA === null || costB === null || effectA === null || effectB === null) {
    return {
      ...base,
      incrementalCost: money(null),
      incrementalEffect: null,
      icer: money(null),
      status: 'not_estimable',
    };
  }
  const dCost = costA - costB;
  const dEffect = effectA - effectB;
  let status: Icer['status'] = 'tradeoff';
  if (dCost === 0 && dEffect === 0) status = 'not_estimable';
  else if (dCost >= 0 && dEffect <= 0) status = 'dominated';
  else if (dCost <= 0 && dEffect >= 0) status = 'dominant';
  return {
    ...base,
    incrementalCost: money(dCost),
    incrementalEffect: dEffect,
    icer: money(status === 'tradeoff' ? dCost / dEffect : null),
    status,
  };
}
