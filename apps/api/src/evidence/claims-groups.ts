import type { EvidenceEffect } from '@iop/contracts';
import { wilsonInterval } from '@iop/stats';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { adjustedDesign, emptyEffect, exposureColumn } from './design-matrix';
import { logisticOddsRatio, meanWithCi, olsSlope, pFromZ } from './estimators';
import { card, eligibleFor90, inLandmark, retained90, type ClaimCard } from './claim-card';
import type { EvidenceRow } from './evidence-rows.query';

const completed = (r: EvidenceRow): number => (r.dischargeReason === 1 ? 1 : 0);

function rate(successes: number, n: number) {
  return {
    numerator: successes,
    denominator: n,
    rate: n ? successes / n : null,
    ci95: n ? wilsonInterval(successes, n) : null,
  };
}

/** Risk ratio of exposed vs unexposed with the log-scale (Katz) Wald interval. */
export function riskRatio(measure: string, a: number, n1: number, c: number, n0: number): EvidenceEffect {
  if (a === 0 || c === 0 || n1 === 0 || n0 === 0) return emptyEffect(measure);
  const logRr = Math.log(a / n1 / (c / n0));
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
  const z = normalQuantile(0.975, 0, 1);
  return {
    measure,
    estimate: Math.exp(logRr),
    ci95: [Math.exp(logRr - z * se), Math.exp(logRr + z * se)],
    p: pFromZ(logRr / se),
  };
}

/**
 * Risk (or mean) difference of an indicator exposure by least squares: the coefficient of a 0/1 column is the
 * difference of group means (unadjusted) or the covariate-adjusted difference (linear probability model).
 */
function difference(
  measure: string,
  rows: EvidenceRow[],
  exposed: (r: EvidenceRow) => boolean,
  y: number[],
  adjusted: boolean,
) {
  const x = exposureColumn(rows.map((r) => (exposed(r) ? 1 : 0)));
  return adjusted ? olsSlope(`adjusted ${measure}`, y, adjustedDesign(x, rows)) : olsSlope(measure, y, x);
}

/** Claim 4: IOP (ASAM 2.1) vs standard outpatient (level 1): completion, retention at 90 days, compliance. */
export function claimIopVsOutpatient(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => r.levelOfCare === '2.1' || r.levelOfCare === '1');
  const iop = (r: EvidenceRow) => r.levelOfCare === '2.1';
  const discharged = rows.filter((r) => r.dischargeReason !== null);
  const eligible = rows.filter(eligibleFor90);
  const scored = rows.filter((r) => r.complianceScore !== null);
  const measure = 'risk difference of completion, IOP minus level 1 (discharged episodes)';
  const bars = ['2.1', '1'].map((level) => {
    const d = discharged.filter((r) => r.levelOfCare === level);
    const e = eligible.filter((r) => r.levelOfCare === level);
    const s = scored.filter((r) => r.levelOfCare === level).map((r) => r.complianceScore as number);
    return {
      levelOfCare: level,
      completion: rate(d.filter((r) => completed(r) === 1).length, d.length),
      retained90: rate(e.filter((r) => retained90(r) === 1).length, e.length),
      complianceScore: s.length ? { n: s.length, ...meanWithCi(s) } : { n: 0, mean: null, ci95: null },
    };
  });
  const others = (adjusted: boolean) => ({
    retained90: difference(
      'risk difference of retention at 90 days',
      eligible,
      iop,
      eligible.map(retained90),
      adjusted,
    ),
    complianceScore: difference(
      'difference of mean compliance score',
      scored,
      iop,
      scored.map((r) => r.complianceScore as number),
      adjusted,
    ),
  });
  const groups = [discharged.filter(iop).length, discharged.filter((r) => !iop(r)).length];
  return card({
    id: 4,
    claim: 'IOP gives more treatment contact and better compliance than traditional outpatient',
    exposure: 'level of care 2.1 (IOP) vs 1 (standard outpatient)',
    outcome: 'completion (headline), retained at 90 days, compliance score',
    method:
      'Differences of proportions and means by least squares on a 0/1 level-of-care column (a linear ' +
      'probability model when adjusted for the board covariates); bars carry Wilson intervals',
    n: discharged.length,
    unadjusted: difference(measure, discharged, iop, discharged.map(completed), false),
    adjusted: difference(measure, discharged, iop, discharged.map(completed), true),
    smallestGroup: Math.min(...groups),
    noEffect: 0,
    chart: { type: 'grouped_bars', bars, unadjusted: others(false), adjusted: others(true) },
  });
}

/** Claim 7: any family session attended in days 0-27 -> completion, landmark population, discharged. */
export function claimFamily(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => inLandmark(r) && r.dischargeReason !== null);
  const exposed = rows.filter((r) => r.familyAttended28);
  const unexposed = rows.filter((r) => !r.familyAttended28);
  const a = exposed.filter((r) => completed(r) === 1).length;
  const c = unexposed.filter((r) => completed(r) === 1).length;
  const y = rows.map(completed);
  const x = exposureColumn(rows.map((r) => (r.familyAttended28 ? 1 : 0)));
  return card({
    id: 7,
    claim: 'family support is vital to recovery',
    exposure: 'any family therapy session attended in the first 28 days vs none',
    outcome: 'completion (discharge reason 1)',
    method:
      'Landmark population (length of stay >= 29, so that a long stay cannot create the exposure), discharged ' +
      'episodes. Unadjusted: risk ratio with log-scale interval; adjusted: odds ratio by logistic regression ' +
      'with the board covariates',
    n: rows.length,
    unadjusted: riskRatio(
      'risk ratio of completion, any family session vs none',
      a,
      exposed.length,
      c,
      unexposed.length,
    ),
    adjusted: logisticOddsRatio(
      'adjusted odds ratio of completion, any family session vs none',
      y,
      adjustedDesign(x, rows),
    ),
    smallestGroup: Math.min(exposed.length, unexposed.length),
    noEffect: 1,
    chart: {
      type: 'grouped_bars',
      bars: [
        { group: 'any family session', completion: rate(a, exposed.length) },
        { group: 'none', completion: rate(c, unexposed.length) },
      ],
    },
  });
}
