import { SUBSTANCES } from '@iop/contracts';
import { adjustedDesign, exposureColumn } from './design-matrix';
import { binnedScatter, olsSlope, slopeEffects } from './estimators';
import { card, type ClaimCard } from './claim-card';
import type { EvidenceRow } from './evidence-rows.query';

/** Claim 8: early negative-screen rate (days 0-27) -> change in readiness (last - first); abstinence alongside. */
export function claimProgressMotivation(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => r.negativeScreenRate28 !== null && r.readinessChange !== null);
  const x = rows.map((r) => r.negativeScreenRate28 as number);
  const y = rows.map((r) => r.readinessChange as number);
  const measure = 'least-squares slope of readiness change (last - first) per unit of early negative-screen rate';

  // Abstinence in the final 4 weeks, discharged episodes: associated by construction (shared use propensity).
  const discharged = all.filter((r) => r.negativeScreenRate28 !== null && r.dischargeReason !== null);
  const dx = discharged.map((r) => r.negativeScreenRate28 as number);
  const dy = discharged.map((r) => (r.abstinentFinal4Weeks ? 1 : 0));
  const abstinenceMeasure =
    'linear-probability slope of abstinence in the final 4 weeks per unit of early negative rate';
  return card({
    id: 8,
    claim: 'seeing progress raises motivation',
    exposure:
      'negative-screen rate in the first 28 days (missing counts as positive; prescribed MAT is not illicit use)',
    outcome:
      'change in readiness ruler (last - first, episodes with two or more rulers); abstinence in the final 4 weeks',
    method:
      'Least-squares slope of readiness change on the early negative-screen rate, adjusted for the board ' +
      'covariates (the verdict). Alongside: linear-probability slope of abstinence in the final 4 weeks among ' +
      'discharged episodes, which shares the use propensity with the exposure and so is not evidence of motivation',
    n: rows.length,
    ...slopeEffects(measure, y, x, rows),
    smallestGroup: rows.length,
    noEffect: 0,
    chart: {
      type: 'binned_scatter',
      points: rows.length ? binnedScatter(x, y) : [],
      abstinence: {
        n: discharged.length,
        points: discharged.length ? binnedScatter(dx, dy) : [],
        ...slopeEffects(abstinenceMeasure, dy, dx, discharged),
      },
    },
  });
}

/** Claim 9: mutual-help meetings per week -> negative screen rate, pooled (substance adjusted) and per substance. */
export function claimMutualHelp(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => r.mutualHelpPerWeek !== null && r.negativeScreenRate !== null);
  const fit = (subset: EvidenceRow[], adjusted: boolean, measure: string) => {
    const x = exposureColumn(subset.map((r) => r.mutualHelpPerWeek as number));
    const y = subset.map((r) => r.negativeScreenRate as number);
    return adjusted ? olsSlope(`adjusted ${measure}`, y, adjustedDesign(x, subset)) : olsSlope(measure, y, x);
  };
  const measure = 'least-squares slope of the negative screen rate per mutual-help meeting per week';
  const bySubstance = SUBSTANCES.map((substance) => {
    const subset = rows.filter((r) => r.substance === substance);
    return {
      substance,
      n: subset.length,
      points: subset.length
        ? binnedScatter(
            subset.map((r) => r.mutualHelpPerWeek as number),
            subset.map((r) => r.negativeScreenRate as number),
            5,
          )
        : [],
      unadjusted: fit(subset, false, measure),
      adjusted: fit(subset, true, measure),
    };
  });
  return card({
    id: 9,
    claim: 'continued sober activities (12-step meetings) support sobriety',
    exposure: 'mutual-help meetings per week (mean of the weekly self-reports)',
    outcome: 'negative screen rate (missing counts as positive), by primary substance',
    method:
      'Least-squares slope of the negative screen rate on meetings per week over all substances, adjusted for ' +
      'the board covariates (primary substance among them): the verdict. The chart shows the slope within each ' +
      'primary substance (unadjusted and adjusted); these are not corrected for testing five subgroups',
    n: rows.length,
    unadjusted: fit(rows, false, measure),
    adjusted: fit(rows, true, measure),
    smallestGroup: rows.length,
    noEffect: 0,
    chart: { type: 'binned_scatter', bySubstance },
  });
}
