import { kaplanMeier, logRank, type GroupLabel } from '@iop/stats';
import { adjustedDesign, exposureColumn } from './design-matrix';
import { coxHazardRatio, quantile, whenEstimable } from './estimators';
import { card, disengaged, inLandmark, type ClaimCard } from './claim-card';
import type { EvidenceRow } from './evidence-rows.query';

interface SurvivalGroup {
  label: string;
  rows: EvidenceRow[];
}

function median(values: number[]): number | null {
  return values.length ? quantile(values, 0.5) : null;
}

/** Kaplan-Meier per group (time = length of stay, event = disengagement), log-rank test, medians. */
function survival(groups: SurvivalGroup[]) {
  const curves = groups.map(({ label, rows }) => {
    const fit = rows.length
      ? kaplanMeier(
          rows.map((r) => r.lengthOfStay),
          rows.map(disengaged),
          { confType: 'log-log' },
        )
      : null;
    const stays = rows.filter((r) => r.dischargeReason !== null).map((r) => r.lengthOfStay);
    return {
      label,
      n: rows.length,
      events: rows.filter((r) => disengaged(r) === 1).length,
      medianDaysToDisengagement: fit?.median ?? null,
      medianLengthOfStayDays: median(stays),
      steps: fit?.steps ?? [],
    };
  });
  const time: number[] = [];
  const event: number[] = [];
  const label: GroupLabel[] = [];
  for (const group of groups) {
    for (const row of group.rows) {
      time.push(row.lengthOfStay);
      event.push(disengaged(row));
      label.push(group.label);
    }
  }
  const test = whenEstimable<{ chiSquare: number; df: number; p: number } | null>(
    () => {
      const { chiSquare, df, p } = logRank(time, event, label);
      return { chiSquare, df, p };
    },
    () => null,
  );
  const summary = curves.map((curve) => ({
    label: curve.label,
    n: curve.n,
    events: curve.events,
    medianDaysToDisengagement: curve.medianDaysToDisengagement,
    medianLengthOfStayDays: curve.medianLengthOfStayDays,
  }));
  return { chart: { type: 'survival' as const, groups: summary, logRank: test }, detail: { curves } };
}

/** Cox hazard ratio of disengagement (time = length of stay) for one exposure, alone and with the board covariates. */
function hazardRatios(measure: string, rows: readonly EvidenceRow[], exposure: (row: EvidenceRow) => number) {
  const time = rows.map((r) => r.lengthOfStay);
  const event = rows.map(disengaged);
  const x = exposureColumn(rows.map(exposure));
  return {
    unadjusted: coxHazardRatio(measure, time, event, x),
    adjusted: coxHazardRatio(`adjusted ${measure}`, time, event, adjustedDesign(x, rows)),
  };
}

/** Claim 3: groups attended per week in days 0-27 (terciles) -> retention, landmark population. */
export function claimPeerGroups(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => inLandmark(r) && r.groupsAttendedPerWeek28 !== null);
  const exposure = rows.map((r) => r.groupsAttendedPerWeek28 as number);
  const cuts = rows.length ? [quantile(exposure, 1 / 3), quantile(exposure, 2 / 3)] : [];
  const tercile = (value: number) => (value <= cuts[0] ? 0 : value <= cuts[1] ? 1 : 2);
  const groups = ['lower', 'middle', 'upper'].map((label, index) => ({
    label: `${label} tercile`,
    rows: rows.filter((r) => tercile(r.groupsAttendedPerWeek28 as number) === index),
  }));
  const { chart, detail } = survival(groups);
  const measure = 'hazard ratio of disengagement from day 28 on per group session attended per week';
  const effects = hazardRatios(measure, rows, (r) => r.groupsAttendedPerWeek28 as number);
  return card({
    id: 3,
    claim: 'daily contact with peers builds community that supports recovery',
    exposure: 'group sessions attended per week in the first 28 days (terciles in the chart)',
    outcome: 'retention: time to disengagement (discharge reason 2 or 3) from day 28 on',
    method:
      'Landmark population (length of stay >= 29). Kaplan-Meier by tercile of the exposure with log-rank test ' +
      'and median stay. The effect is the hazard ratio of disengagement per group attended per week by Cox ' +
      'regression (Efron ties; other discharges and active episodes censored), adjusted for the board covariates ' +
      '(below 1: fewer disengage)',
    n: rows.length,
    ...effects,
    smallestGroup: Math.min(...groups.map((g) => g.rows.length)),
    noEffect: 1,
    chart: { ...chart, tercileCutPoints: cuts },
    detail,
  });
}

/** Claim 10: MAT (any dispense) among OUD episodes -> retention. */
export function claimMat(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => r.oud);
  const groups = [
    { label: 'MAT', rows: rows.filter((r) => r.mat) },
    { label: 'no MAT', rows: rows.filter((r) => !r.mat) },
  ];
  const { chart, detail } = survival(groups);
  const measure = 'hazard ratio of disengagement, MAT vs none';
  return card({
    id: 10,
    claim: 'medication-assisted treatment helps patients with opioid addiction',
    exposure: 'MAT (any dispense) among episodes with opioid use disorder',
    outcome: 'retention: time to disengagement (discharge reason 2 or 3)',
    method:
      'Kaplan-Meier MAT vs none with log-rank test and median stay. The effect is the hazard ratio of ' +
      'disengagement by Cox regression (Efron ties; other discharges and active episodes censored), adjusted ' +
      'for the board covariates (below 1: fewer disengage with MAT)',
    n: rows.length,
    ...hazardRatios(measure, rows, (r) => (r.mat ? 1 : 0)),
    smallestGroup: Math.min(...groups.map((g) => g.rows.length)),
    noEffect: 1,
    chart,
    detail,
  });
}
