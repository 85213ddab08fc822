import { SLOTS } from '@iop/contracts';
import { pearson, type PearsonResult } from '@iop/stats';
import { toRate } from '../episodes/rate';
import { adjustedDesign, exposureColumn } from './design-matrix';
import { binnedScatter, logisticOddsRatio, meanWithCi, olsSlope, slopeEffects, whenEstimable } from './estimators';
import { card, eligibleFor90, inLandmark, retained90, type ClaimCard } from './claim-card';
import type { EvidenceRow } from './evidence-rows.query';
import type { SlotAttendanceCell } from '../episodes/appointment-count-store';

/** Unadjusted least-squares line of y on x, for the chart (null when it cannot be fitted). */
function line(x: number[], y: number[]): { intercept: number; slope: number } | null {
  const slope = olsSlope('', y, exposureColumn(x));
  if (slope.estimate === null) return null;
  const meanX = x.reduce((sum, value) => sum + value, 0) / x.length;
  const meanY = y.reduce((sum, value) => sum + value, 0) / y.length;
  return { intercept: meanY - slope.estimate * meanX, slope: slope.estimate };
}

/** Claim 1: scheduled contact hours per week (days 0-27) -> compliance score. */
export function claimContactCompliance(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => r.scheduledHoursPerWeek28 !== null && r.complianceScore !== null);
  const x = rows.map((r) => r.scheduledHoursPerWeek28 as number);
  const y = rows.map((r) => r.complianceScore as number);
  const measure = 'least-squares slope of the compliance score per scheduled contact hour per week';
  const r = whenEstimable<PearsonResult | null>(
    () => pearson(x, y),
    () => null,
  );
  return card({
    id: 1,
    claim: 'more frequent contact improves compliance with the treatment plan',
    exposure: 'scheduled contact hours per week in the first 28 days (days 0 .. min(length of stay, 28) - 1)',
    outcome: 'compliance score (mean of session adherence, screen adherence and goal attainment that are defined)',
    method:
      'Binned scatter (deciles of exposure) with the least-squares line; Pearson r with Fisher-z interval; ' +
      'slope by ordinary least squares, adjusted by adding the board covariates as dummy columns',
    n: rows.length,
    ...slopeEffects(measure, y, x, rows),
    smallestGroup: rows.length,
    noEffect: 0,
    chart: {
      type: 'binned_scatter',
      points: rows.length ? binnedScatter(x, y) : [],
      line: rows.length > 2 ? line(x, y) : null,
      pearson: r ? { r: r.r, ci95: r.ci, p: r.p } : null,
    },
  });
}

/** Claim 2: individual sessions per week (days 0-27) -> WAI-SR alliance; then alliance -> retained at 90 days. */
export function claimIndividualAlliance(all: readonly EvidenceRow[]): ClaimCard {
  const rows = all.filter((r) => r.individualSessionsPerWeek28 !== null && r.alliance !== null);
  const x = rows.map((r) => r.individualSessionsPerWeek28 as number);
  const y = rows.map((r) => r.alliance as number);
  const measure = 'least-squares slope of the WAI-SR total per individual session per week';

  // Second panel: landmark population with an alliance, admitted at least 90 days before the data end.
  const linked = rows.filter((r) => inLandmark(r) && eligibleFor90(r));
  const alliance = linked.map((r) => r.alliance as number);
  const retained = linked.map(retained90);
  const orMeasure = 'odds ratio of retention at 90 days per 5 WAI-SR points';
  return card({
    id: 2,
    claim: 'more individual sessions build a stronger relationship with the therapist, which improves outcomes',
    exposure: 'individual sessions per week in the first 28 days (not cancelled by the program)',
    outcome: 'WAI-SR alliance total at its first administration after day 14; then retained at 90 days',
    method:
      'Panel 1: least-squares slope of alliance on individual sessions per week (episodes with a WAI-SR), ' +
      'adjusted for the board covariates. Panel 2: logistic regression of retention at 90 days on alliance, ' +
      'odds ratio per 5 points, landmark population (length of stay >= 29) admitted >= 90 days before the data end',
    n: rows.length,
    ...slopeEffects(measure, y, x, rows),
    smallestGroup: rows.length,
    noEffect: 0,
    chart: {
      type: 'binned_scatter',
      points: rows.length ? binnedScatter(x, y) : [],
      line: rows.length > 2 ? line(x, y) : null,
      allianceToRetention: {
        n: linked.length,
        points: linked.length ? binnedScatter(alliance, retained, 5) : [],
        unadjusted: logisticOddsRatio(orMeasure, retained, exposureColumn(alliance), 5),
        adjusted: logisticOddsRatio(
          `adjusted ${orMeasure}`,
          retained,
          adjustedDesign(exposureColumn(alliance), linked),
          5,
        ),
      },
    },
  });
}

/** Claim 5: evening/weekend share of scheduled sessions -> attendance rate, working or studying vs others. */
export function claimEveningAccess(
  all: readonly EvidenceRow[],
  slotAttendance: readonly SlotAttendanceCell[],
): ClaimCard {
  const usable = all.filter((r) => r.eveningWeekendShare !== null && r.attendanceRate !== null);
  const working = (r: EvidenceRow) => r.employment === 'employed' || r.employment === 'student';
  const fit = (rows: EvidenceRow[], adjusted: boolean) => {
    const x = exposureColumn(rows.map((r) => r.eveningWeekendShare as number));
    const y = rows.map((r) => r.attendanceRate as number);
    const measure = 'least-squares slope of the attendance rate per unit of evening/weekend share';
    return adjusted ? olsSlope(`adjusted ${measure}`, y, adjustedDesign(x, rows)) : olsSlope(measure, y, x);
  };
  const meanAttendance = (rows: EvidenceRow[]) => {
    const rates = rows.map((r) => r.attendanceRate as number);
    return rows.length ? { n: rows.length, ...meanWithCi(rates) } : { n: 0, mean: null, ci95: null };
  };
  const focus = usable.filter(working);
  const others = usable.filter((r) => !working(r));
  const employmentGroups = ['employed_or_student', 'other'] as const;
  const cells = employmentGroups.flatMap((employment) =>
    SLOTS.map((slot) => {
      const cell = slotAttendance.find((c) => c.employment === employment && c.slot === slot);
      return { employment, slot, attendance: toRate(cell?.attended ?? 0, cell?.denominator ?? 0) };
    }),
  );
  const byTrack = employmentGroups.flatMap((employment) =>
    (['evening_weekend', 'day'] as const).map((track) => {
      const rows = usable.filter(
        (r) =>
          (working(r) ? 'employed_or_student' : 'other') === employment &&
          ((r.eveningWeekendShare as number) >= 0.5 ? 'evening_weekend' : 'day') === track,
      );
      return { employment, track, ...meanAttendance(rows) };
    }),
  );
  return card({
    id: 5,
    claim: 'evening and weekend sessions widen access for people who work or study',
    exposure: 'share of scheduled sessions (not cancelled by the program) in evening (from 17:00) or weekend slots',
    outcome: 'attendance rate of the episode, among employed or student patients (others shown for comparison)',
    method:
      'Least-squares slope of the per-episode attendance rate on the evening/weekend share among employed or ' +
      'student patients, adjusted for the board covariates; the same slope for other patients in the chart',
    n: focus.length,
    unadjusted: fit(focus, false),
    adjusted: fit(focus, true),
    smallestGroup: focus.length,
    noEffect: 0,
    chart: {
      type: 'heatmap',
      cells,
      byTrack,
      others: { n: others.length, unadjusted: fit(others, false), adjusted: fit(others, true) },
    },
  });
}
