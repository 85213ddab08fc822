import { type CostSummaryResponse, dollarsOrNull, type EvidenceEffect, type PerDayComparison } from '@iop/contracts';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { card, type ClaimCard } from './claim-card';
import { emptyEffect, verdictOf } from './design-matrix';
import { pFromT, pFromZ } from './estimators';
import type { EvidenceRow } from './evidence-rows.query';

const IOP = '2.1';
const STANDARD_OUTPATIENT = '1';
const INPATIENT_RATE = 'cost_rate.inpatient_per_day';

/**
 * A ratio of sums, sum(y) / sum(x), with its delta-method (linearisation) standard error:
 * var = n / (n - 1) * sum((y - R x)^2) / sum(x)^2. Null when sum(x) is 0 or there are fewer than 2 values.
 */
export function ratioOfSums(y: readonly number[], x: readonly number[]): { ratio: number; se: number } | null {
  const n = y.length;
  const sumY = y.reduce((sum, value) => sum + value, 0);
  const sumX = x.reduce((sum, value) => sum + value, 0);
  if (n < 2 || sumX === 0) return null;
  const ratio = sumY / sumX;
  const squares = y.reduce((sum, value, i) => sum + (value - ratio * x[i]) ** 2, 0);
  return { ratio, se: Math.sqrt((n / (n - 1)) * squares) / Math.abs(sumX) };
}

/**
 * Difference of two independent ratios of sums (group a minus group b) with a normal (delta-method) 95%
 * interval and p. `estimate` replaces the point estimate (e.g. by the costs service's figure, which is the same
 * ratio rounded to the cent); the interval is centred on it.
 */
export function ratioDifference(
  measure: string,
  a: { y: readonly number[]; x: readonly number[] },
  b: { y: readonly number[]; x: readonly number[] },
  estimate?: number | null,
): EvidenceEffect {
  const ra = ratioOfSums(a.y, a.x);
  const rb = ratioOfSums(b.y, b.x);
  if (!ra || !rb) return emptyEffect(measure);
  const difference = estimate ?? ra.ratio - rb.ratio;
  const se = Math.sqrt(ra.se ** 2 + rb.se ** 2);
  if (se === 0) return { measure, estimate: difference, ci95: null, p: null };
  const z = normalQuantile(0.975, 0, 1);
  return {
    measure,
    estimate: difference,
    ci95: [difference - z * se, difference + z * se],
    p: pFromZ(difference / se),
  };
}

/**
 * Savings per episode against a comparator episode of fixed cost (its per-day rate x its own typical length of stay,
 * from settings): mean over the IOP episodes of (comparator cost - charges), with its t interval and p. The
 * comparator's cost is a published figure, not a sample, so only the IOP charges vary. `estimate` replaces the
 * point estimate as in ratioDifference.
 */
export function savingsAgainstComparator(
  measure: string,
  comparatorCostPerEpisode: number,
  charges: readonly number[],
  estimate?: number | null,
): EvidenceEffect {
  const n = charges.length;
  if (n < 2) return emptyEffect(measure);
  const values = charges.map((episodeCharges) => comparatorCostPerEpisode - episodeCharges);
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const se = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) / n);
  const centre = estimate ?? mean;
  if (se === 0) return { measure, estimate: centre, ci95: null, p: null };
  const half = tQuantile(0.975, n - 1) * se;
  return { measure, estimate: centre, ci95: [centre - half, centre + half], p: pFromT(centre / se, n - 1) };
}

/**
 * Claim 6: IOP is cost-effective compared with inpatient care. Every cost figure comes from the costs
 * service (GET /costs/summary); the episode rows only supply the spread for the intervals.
 */
export function claimCostEffectiveness(all: readonly EvidenceRow[], costs: CostSummaryResponse): ClaimCard {
  const discharged = all.filter((r) => !r.active);
  const iop = discharged.filter((r) => r.levelOfCare === IOP);
  const outpatient = discharged.filter((r) => r.levelOfCare === STANDARD_OUTPATIENT);
  const block = (level: string) => costs.byLevelOfCare.find((b) => b.levelOfCare === level);
  const perCompleter = (level: string) => dollarsOrNull(block(level)?.costPerCompleter);
  const iopPerCompleter = perCompleter(IOP);
  const outpatientPerCompleter = perCompleter(STANDARD_OUTPATIENT);
  // Charges in dollars; completed as 0/1: cost per completer = sum(charges) / sum(completed).
  const arm = (rows: EvidenceRow[]) => ({
    y: rows.map((r) => r.chargesCents / 100),
    x: rows.map((r) => (r.dischargeReason === 1 ? 1 : 0)),
  });
  const unadjusted = ratioDifference(
    'difference of cost per completer (USD), IOP minus level 1 (discharged episodes)',
    arm(iop),
    arm(outpatient),
    iopPerCompleter === null || outpatientPerCompleter === null ? null : iopPerCompleter - outpatientPerCompleter,
  );

  const inpatient: PerDayComparison | undefined = costs.perDayComparisons.find((c) => c.key === INPATIENT_RATE);
  const savingsMeasure =
    'savings per episode (USD): inpatient rate x its typical length of stay (settings) minus IOP charges';
  const comparatorCost = inpatient?.comparatorCostPerEpisode.dollars ?? null;
  const savings =
    inpatient && comparatorCost !== null
      ? savingsAgainstComparator(
          savingsMeasure,
          comparatorCost,
          iop.map((r) => r.chargesCents / 100),
          dollarsOrNull(inpatient.savingsPerEpisode),
        )
      : emptyEffect(savingsMeasure);
  // 'associated' only when IOP is cheaper than the inpatient comparator with an interval above 0.
  const comparisonVerdict = verdictOf(savings, iop.length, 0);
  const verdict =
    comparisonVerdict === 'associated' && (savings.estimate as number) <= 0
      ? 'no_clear_association'
      : comparisonVerdict;

  return card({
    id: 6,
    claim: 'IOP is cost-effective compared with inpatient care',
    exposure:
      'level of care 2.1 (IOP) vs 1 (standard outpatient); inpatient comparator: per-day rate x typical length of stay (settings)',
    outcome: 'cost per completer, cost per abstinent patient',
    method:
      'Costs are charges of discharged episodes at face value, from the costs summary (METRICS.md "Costs"). ' +
      'Unadjusted: difference of cost per completer, IOP minus level 1, with a delta-method (ratio-of-sums ' +
      'linearisation) normal 95% interval. Cost claims are reported descriptively with the ICER and its ' +
      'dominance label, so no covariate-adjusted estimate is given. The verdict rests on the comparison with ' +
      'inpatient care: an inpatient episode priced at the per-day rate for its own typical length of stay ' +
      '(settings, with its published source) minus the IOP charges, per episode, with a t interval over the IOP ' +
      'episodes; associated when IOP is cheaper and the interval excludes 0. The costs page shows the range from ' +
      'a low to a high published length of stay. The data has no inpatient outcomes, so there is no ICER against ' +
      'inpatient care; cost per completer against it uses a published completion rate',
    n: iop.length + outpatient.length,
    unadjusted,
    adjusted: emptyEffect(
      'not estimated: cost claims are reported descriptively (ICER with dominance label, inpatient comparison)',
    ),
    covariates: [],
    smallestGroup: iop.length,
    noEffect: 0,
    verdict,
    chart: {
      type: 'cost_bars',
      dollarYear: costs.dollarYear,
      bars: costs.byLevelOfCare.map((b) => ({
        levelOfCare: b.levelOfCare,
        discharged: b.discharged,
        costPerEpisode: b.costPerEpisode,
        costPerWeek: b.costPerWeek,
        costPerCompleter: b.costPerCompleter,
        costPerAbstinent: b.costPerAbstinent,
        completion: b.completion,
        abstinent: b.abstinent,
      })),
      icer: costs.icer,
      perDayComparisons: costs.perDayComparisons,
      inpatientComparison: { key: INPATIENT_RATE, savingsPerEpisode: savings },
    },
    detail: { activeExcluded: costs.activeExcluded, overall: costs.overall, comparisonRates: costs.comparisonRates },
  });
}
