import {
  DISCHARGE_REASONS,
  type CountOrSuppressed,
  type DischargeReasonsResponse,
  type EpisodeMetric,
  type FlowResponse,
  isSuppressed,
  type MetricValue,
  type RateOrSuppressed,
  type SummaryResponse,
} from '@iop/contracts';
import {
  DISCHARGE_OUTCOME_GROUPS,
  exactCount,
  exactRate,
  hiddenOutcomeGroups,
  splitEpisodes,
} from './shared-partitions';
import {
  isSmallCount,
  REASON_COMPLEMENT,
  shownCount,
  suppressOver,
  suppressPartition,
  suppressRate,
  withheld,
} from './small-cells';

/**
 * A rate whose denominator is part of a shown total (e.g. episodes eligible for 30-day retention within the
 * selected episodes): withheld also when the part left out (total - denominator) is 1-10, or the total is.
 */
function suppressRateWithin(rate: RateOrSuppressed, total: number, totalHidden: boolean): RateOrSuppressed {
  const exact = exactRate(rate);
  if (totalHidden && exact.denominator > 0) return withheld(REASON_COMPLEMENT);
  return isSmallCount(total - exact.denominator) ? withheld(REASON_COMPLEMENT) : suppressRate(exact);
}

/** A rate withheld by a partition; the reason says "small" when the rate is small itself, "complement" otherwise. */
function hiddenRate(rate: RateOrSuppressed, hidden: boolean): RateOrSuppressed {
  const primary = suppressRate(rate);
  return hidden && !isSuppressed(primary) ? withheld(REASON_COMPLEMENT) : primary;
}

/**
 * Summary. Partitions: episodes = active + discharged (splitEpisodes); discharged = the four outcome groups
 * (hiddenOutcomeGroups), which completion (1), positive conclusion (1 + 4) and dropout (2 + 3) reveal. A
 * discharge rate is shown only when every group in its numerator is. Other rates: numerator, denominator and
 * their difference, and the denominator's difference to the episodes (or discharged) it is part of. Means and
 * medians are withheld over 1-10 episodes (they describe those patients).
 */
export function suppressSummary(summary: SummaryResponse): SummaryResponse {
  const episodes = exactCount(summary.episodes);
  const active = exactCount(summary.activeEpisodes);
  const completion = exactRate(summary.completionRate);
  const positive = exactRate(summary.positiveConclusionRate);
  const dropout = exactRate(summary.dropoutRate);
  const discharged = completion.denominator;
  const split = splitEpisodes(episodes, active, discharged);
  const groups = hiddenOutcomeGroups(
    [
      completion.numerator,
      positive.numerator - completion.numerator,
      dropout.numerator,
      discharged - positive.numerator - dropout.numerator,
    ],
    split.dischargedHidden,
  );
  const [completedHidden, transferredHidden, droppedOutHidden] = groups;
  const withinEpisodes = (rate: RateOrSuppressed) => suppressRateWithin(rate, episodes, split.episodesHidden);
  const withinDischarged = (rate: RateOrSuppressed) => suppressRateWithin(rate, discharged, split.dischargedHidden);
  const overEpisodes = <T>(value: T | null) =>
    value === null ? null : split.episodesHidden ? withheld(REASON_COMPLEMENT) : suppressOver(value, episodes);
  const scored = exactRate(summary.compliant).denominator;
  const complianceMean = summary.complianceScore.mean;

  return {
    asOf: summary.asOf,
    episodes: shownCount(episodes, split.episodesHidden),
    activeEpisodes: shownCount(active, split.activeHidden),
    // Appointments and screens can be many over few patients: withheld with the episodes they describe.
    attendanceRate: hiddenRate(summary.attendanceRate, split.episodesHidden),
    attendedHoursPerWeek: {
      mean: overEpisodes(summary.attendedHoursPerWeek.mean),
      median: overEpisodes(summary.attendedHoursPerWeek.median),
    },
    meetsIntensity: withinEpisodes(summary.meetsIntensity),
    complianceScore: { mean: complianceMean === null ? null : suppressOver(complianceMean, scored) },
    compliant: withinEpisodes(summary.compliant),
    retained30: withinEpisodes(summary.retained30),
    retained60: withinEpisodes(summary.retained60),
    retained90: withinEpisodes(summary.retained90),
    completionRate: hiddenRate(completion, split.dischargedHidden || completedHidden),
    positiveConclusionRate: hiddenRate(positive, split.dischargedHidden || completedHidden || transferredHidden),
    dropoutRate: hiddenRate(dropout, split.dischargedHidden || droppedOutHidden),
    medianLengthOfStay: overEpisodes(summary.medianLengthOfStay),
    negativeScreenRate: hiddenRate(summary.negativeScreenRate, split.episodesHidden),
    abstinentFinal4Weeks: withinDischarged(summary.abstinentFinal4Weeks),
    readmitted30: withinDischarged(summary.readmitted30),
    readmitted90: withinDischarged(summary.readmitted90),
  };
}

/** Metrics whose value is a count of episodes, a mean or median over episodes, or a rate over a subset of them. */
const COUNT_METRICS: readonly EpisodeMetric[] = ['episodes', 'activeEpisodes'];
const AVERAGE_METRICS: readonly EpisodeMetric[] = ['attendedHoursPerWeek', 'complianceScore', 'medianLengthOfStay'];
/** Rates over appointments or screens: their denominator is not a subset of the group's episodes. */
const NON_EPISODE_RATES: readonly EpisodeMetric[] = ['attendanceRate', 'noShowRate', 'negativeScreenRate'];

export interface SeriesCell {
  n: CountOrSuppressed;
  value: MetricValue;
}

/**
 * Points of a trend (per month of admission) or groups of a breakdown: the groups partition the summary's
 * episodes (or, by session type or slot, its appointments), and the metric's counts partition the summary's.
 * n is withheld by the partition of n alone, the same decision flow makes for admissions per month, so the two
 * never disagree. The value is withheld by the partition of its counts (numerator, denominator, difference, and
 * the group's episodes outside the denominator), with every group whose n is withheld withheld too.
 */
export function suppressSeries<T extends SeriesCell>(metric: EpisodeMetric, cells: readonly T[]): T[] {
  const ns = cells.map((cell) => exactCount(cell.n));
  const nHidden = suppressPartition(
    ns.map((n) => [n]),
    { totalShown: true },
  ).hidden;
  const valueCounts = cells.map((exactCell, i): number[] => {
    const cell = { n: ns[i], value: exactCell.value };
    if (metric === 'episodes' || AVERAGE_METRICS.includes(metric)) return [cell.n];
    if (metric === 'activeEpisodes') return [cell.n, cell.value as number, cell.n - (cell.value as number)];
    const rate = exactRate(cell.value as RateOrSuppressed);
    const counts = [rate.numerator, rate.denominator, rate.denominator - rate.numerator];
    return NON_EPISODE_RATES.includes(metric) ? counts : [...counts, cell.n - rate.denominator];
  });
  const valueHidden = suppressPartition(valueCounts, { totalShown: true, forced: nHidden }).hidden;
  return cells.map((cell, i) => ({
    ...cell,
    n: shownCount(ns[i], nHidden[i]),
    value: suppressValue(metric, cell.value, valueHidden[i]),
  }));
}

function suppressValue(metric: EpisodeMetric, value: MetricValue, hidden: boolean): MetricValue {
  if (value === null) return null;
  if (COUNT_METRICS.includes(metric)) return shownCount(value as number, hidden);
  if (typeof value === 'number') return hidden ? withheld(REASON_COMPLEMENT) : value;
  return hiddenRate(value, hidden);
}

/**
 * Flow. Admissions per month partition the selected episodes, discharges per month the discharged ones; both
 * totals are shown by the summary unless splitEpisodes withholds them, and then the months must not add up to
 * them either. (The running difference of the two series, a monthly census, is not protected: docs/METRICS.md.)
 */
export function suppressFlow(flow: FlowResponse): FlowResponse {
  const admissions = flow.points.map((point) => exactCount(point.admissions));
  const discharges = flow.points.map((point) => exactCount(point.discharges));
  const episodes = admissions.reduce((sum, count) => sum + count, 0);
  const discharged = discharges.reduce((sum, count) => sum + count, 0);
  const split = splitEpisodes(episodes, episodes - discharged, discharged);
  const monthly = (counts: number[], totalHidden: boolean) =>
    suppressPartition(
      counts.map((count) => [count]),
      { totalShown: !totalHidden },
    ).hidden;
  const admissionsHidden = monthly(admissions, split.episodesHidden);
  const dischargesHidden = monthly(discharges, split.dischargedHidden);
  return {
    asOf: flow.asOf,
    points: flow.points.map((point, i) => ({
      period: point.period,
      admissions: shownCount(admissions[i], admissionsHidden[i]),
      discharges: shownCount(discharges[i], dischargesHidden[i]),
    })),
  };
}

/**
 * Discharge reasons. Active and discharged as splitEpisodes decides; the reasons' counts partition the
 * discharged: whole outcome groups are withheld as the summary withholds them, then reasons within a shown
 * group by the partition of that group. When discharged is withheld, every share is (each reveals it).
 */
export function suppressDischargeReasons(response: DischargeReasonsResponse): DischargeReasonsResponse {
  const active = exactCount(response.active);
  const discharged = exactCount(response.discharged);
  const split = splitEpisodes(active + discharged, active, discharged);
  const countOf = new Map(response.reasons.map((reason) => [reason.code, exactRate(reason.share).numerator]));
  const count = (code: number) => countOf.get(code) ?? 0;
  const groupHidden = hiddenOutcomeGroups(
    DISCHARGE_OUTCOME_GROUPS.map((codes) => codes.reduce((sum, code) => sum + count(code), 0)),
    split.dischargedHidden,
  );
  const hiddenCodes = new Set<number>();
  DISCHARGE_OUTCOME_GROUPS.forEach((codes, g) => {
    const within = groupHidden[g]
      ? codes.map(() => true)
      : suppressPartition(
          codes.map((code) => [count(code)]),
          { totalShown: true },
        ).hidden;
    codes.forEach((code, i) => within[i] && hiddenCodes.add(code));
  });
  // Every code must belong to a group, or it would escape the complementary rule.
  const grouped = new Set(DISCHARGE_OUTCOME_GROUPS.flat());
  for (const code of Object.values(DISCHARGE_REASONS)) if (!grouped.has(code)) hiddenCodes.add(code);
  return {
    asOf: response.asOf,
    discharged: shownCount(discharged, split.dischargedHidden),
    active: shownCount(active, split.activeHidden),
    reasons: response.reasons.map((reason) => ({
      ...reason,
      share: hiddenRate(reason.share, split.dischargedHidden || hiddenCodes.has(reason.code)),
    })),
  };
}
