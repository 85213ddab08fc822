import {
  APPOINTMENT_DIMENSIONS,
  APPOINTMENT_METRICS,
  type AppointmentMetric,
  type BreakdownDimension,
  type BreakdownGroup,
  type BreakdownResponse,
  DISCHARGE_REASON_LABELS,
  DISCHARGE_REASONS,
  type DischargeReasonsResponse,
  type EpisodeFilters,
  type EpisodeMetric,
  type FlowPoint,
  type FlowResponse,
  type MeanMedian,
  type RateValue,
  type SummaryResponse,
  type TrendInterval,
  type TrendPoint,
  type TrendResponse,
} from '@iop/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { forScope } from '../suppression/shared-partitions';
import {
  suppressDischargeReasons,
  suppressFlow,
  suppressSeries,
  suppressSummary,
} from '../suppression/suppress-metrics';
import { AppointmentCountStore } from '../episodes/appointment-count-store';
import { AsOfQuery } from '../episodes/as-of.query';
import { BreakdownQuery } from './breakdown.query';
import { DischargeReasonsQuery } from './discharge-reasons.query';
import {
  type EpisodeAggregates,
  metricValue,
  NO_EPISODE_AGGREGATES,
  perturbEpisodeAggregates,
} from '../episodes/episode-aggregates.sql';
import { addKeyed, trueCount, type KeyedCount, NO_RECORDS, perturbedCount } from '../suppression/cell-key';
import { FlowQuery } from './flow.query';
import { groupLabel } from '../episodes/labels';
import { fillMonths } from '../episodes/month-series';
import { toRate } from '../episodes/rate';
import { ResultCache } from '../common/result-cache';
import { SummaryQuery } from './summary.query';
import { TrendQuery } from './trend.query';

const isAppointmentDimension = (by: BreakdownDimension): by is 'sessionType' | 'slot' =>
  (APPOINTMENT_DIMENSIONS as readonly string[]).includes(by);
const isAppointmentMetric = (metric: EpisodeMetric): metric is AppointmentMetric =>
  (APPOINTMENT_METRICS as readonly string[]).includes(metric);

/** The summary of one row of episode aggregates (exact, or perturbed for a payer). */
function summaryOf(asOf: string | null, aggregates: EpisodeAggregates): SummaryResponse {
  const value = (metric: EpisodeMetric) => metricValue(metric, aggregates);
  const rate = (metric: EpisodeMetric) => value(metric) as RateValue;
  const hours: MeanMedian = {
    mean: value('attendedHoursPerWeek') as number | null,
    median: aggregates.hours_median,
  };
  return {
    asOf,
    episodes: value('episodes') as number,
    activeEpisodes: value('activeEpisodes') as number,
    attendanceRate: rate('attendanceRate'),
    attendedHoursPerWeek: hours,
    meetsIntensity: rate('meetsIntensity'),
    complianceScore: { mean: value('complianceScore') as number | null },
    compliant: rate('compliant'),
    retained30: rate('retained30'),
    retained60: rate('retained60'),
    retained90: rate('retained90'),
    completionRate: rate('completionRate'),
    positiveConclusionRate: rate('positiveConclusionRate'),
    dropoutRate: rate('dropoutRate'),
    medianLengthOfStay: value('medianLengthOfStay') as number | null,
    negativeScreenRate: rate('negativeScreenRate'),
    abstinentFinal4Weeks: rate('abstinentFinal4Weeks'),
    readmitted30: rate('readmitted30'),
    readmitted90: rate('readmitted90'),
  };
}

/** The metrics of docs/METRICS.md over the selected episodes; each value comes from the episode_facts aggregates. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly asOfQuery: AsOfQuery,
    private readonly summaryQuery: SummaryQuery,
    private readonly trendQuery: TrendQuery,
    private readonly breakdownQuery: BreakdownQuery,
    private readonly appointmentCounts: AppointmentCountStore,
    private readonly flowQuery: FlowQuery,
    private readonly dischargeReasonsQuery: DischargeReasonsQuery,
    private readonly cache: ResultCache,
  ) {}

  /**
   * Every headline metric of the selected episodes, each computed as its EPISODE_METRICS namesake. Every
   * answer here passes through small-cell suppression when the scope asks for it (a payer's).
   */
  async summary(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryResponse> {
    const { asOf, aggregates } = await this.cache.get(scope, filters, 'summary', () =>
      this.summaryQuery.run(scope, filters),
    );
    const exact = summaryOf(asOf, aggregates);
    return forScope(scope, exact, suppressSummary, () => summaryOf(asOf, perturbEpisodeAggregates(aggregates)));
  }

  /**
   * The metric per month of admission, every month from the first to the last with an admission; a month
   * without admissions has n = 0 and the metric of an empty selection (0, a 0/0 rate, or null).
   */
  async trend(
    scope: AccessScope,
    filters: EpisodeFilters,
    metric: EpisodeMetric,
    interval: TrendInterval,
  ): Promise<TrendResponse> {
    // One query gives every metric's monthly aggregates, and the overview asks for eight metrics at once.
    const [rows, asOf] = await Promise.all([
      this.cache.get(scope, filters, 'trend-months', () => this.trendQuery.run(scope, filters)),
      this.asOfQuery.run(),
    ]);
    const months = fillMonths(
      rows,
      (row) => row.period,
      (period) => ({ period, ...NO_EPISODE_AGGREGATES }),
    );
    const pointsOf = (monthRows: typeof months) =>
      monthRows.map((row): TrendPoint => ({ period: row.period, value: metricValue(metric, row), n: row.episodes }));
    const points = forScope(
      scope,
      pointsOf(months),
      (exact) => suppressSeries(metric, exact),
      () => pointsOf(months.map(perturbEpisodeAggregates)),
    );
    return { asOf, metric, interval, points };
  }

  /**
   * The metric per group. Episode attributes group episode aggregates; sessionType and slot group appointments,
   * so they take only the appointment metrics (attendanceRate, noShowRate): anything else is a 400.
   */
  async breakdown(
    scope: AccessScope,
    filters: EpisodeFilters,
    metric: EpisodeMetric,
    by: BreakdownDimension,
  ): Promise<BreakdownResponse> {
    const asOf = await this.asOfQuery.run();
    if (isAppointmentDimension(by)) {
      if (!isAppointmentMetric(metric)) {
        throw new BadRequestException([
          `metric ${metric} is counted per episode and cannot be split by ${by}, an appointment attribute; ` +
            `with by=${by} use metric ${APPOINTMENT_METRICS.join(' or ')}`,
        ]);
      }
      // One query gives both appointment metrics of a dimension; the attendance page asks for them together.
      const rows = await this.cache.get(scope, filters, `breakdown-appointments ${by}`, () =>
        this.appointmentCounts.byAppointment(scope, filters, by),
      );
      const groupsOf = (count: (counted: KeyedCount) => number) =>
        rows.map((row): BreakdownGroup => {
          const counted = count(row.counted);
          const outcome = count(metric === 'attendanceRate' ? row.attended : row.no_show);
          // A perturbed part is capped at its perturbed whole.
          return {
            key: row.key,
            label: groupLabel(by, row.key),
            value: toRate(Math.min(outcome, counted), counted),
            n: counted,
          };
        });
      const groups = forScope(
        scope,
        groupsOf(trueCount),
        (exact) => suppressSeries(metric, exact),
        () => groupsOf(perturbedCount),
      );
      return { asOf, metric, by, groups };
    }
    // One query gives every metric's aggregates per group, and pages ask for several metrics by one dimension.
    const rows = await this.cache.get(scope, filters, `breakdown ${by}`, () =>
      this.breakdownQuery.byEpisode(scope, filters, by),
    );
    const groupsOf = (groupRows: typeof rows) =>
      groupRows.map(
        (row): BreakdownGroup => ({
          key: row.key,
          label: groupLabel(by, row.key, row.label),
          value: metricValue(metric, row),
          n: row.episodes,
        }),
      );
    const groups = forScope(
      scope,
      groupsOf(rows),
      (exact) => suppressSeries(metric, exact),
      () => groupsOf(rows.map(perturbEpisodeAggregates)),
    );
    return { asOf, metric, by, groups };
  }

  /** Admissions and discharges per calendar month, every month from the first to the last with either. */
  async flow(scope: AccessScope, filters: EpisodeFilters): Promise<FlowResponse> {
    const [rows, asOf] = await Promise.all([
      this.cache.get(scope, filters, 'flow', () => this.flowQuery.run(scope, filters)),
      this.asOfQuery.run(),
    ]);
    const months = fillMonths(
      rows,
      (row) => row.period,
      (period) => ({ period, admissions: NO_RECORDS, discharges: NO_RECORDS }),
    );
    const flowOf = (count: (counted: KeyedCount) => number): FlowResponse => ({
      asOf,
      points: months.map(
        (row): FlowPoint => ({
          period: row.period,
          admissions: count(row.admissions),
          discharges: count(row.discharges),
        }),
      ),
    });
    return forScope(scope, flowOf(trueCount), suppressFlow, () => flowOf(perturbedCount));
  }

  /** Each TEDS-D reason's share of the discharged episodes, all seven codes, and the active count apart. */
  async dischargeReasons(scope: AccessScope, filters: EpisodeFilters): Promise<DischargeReasonsResponse> {
    const [counts, asOf] = await Promise.all([
      this.cache.get(scope, filters, 'discharge-reasons', () => this.dischargeReasonsQuery.run(scope, filters)),
      this.asOfQuery.run(),
    ]);
    // Discharged is the union of the reasons' cells: its key is theirs added up, the same as the summary's.
    const discharged = [...counts.byReason.values()].reduce(addKeyed, NO_RECORDS);
    const answerOf = (count: (counted: KeyedCount) => number): DischargeReasonsResponse => ({
      asOf,
      discharged: count(discharged),
      active: count(counts.active),
      reasons: Object.values(DISCHARGE_REASONS)
        .sort((a, b) => a - b)
        .map((code) => ({
          code,
          label: DISCHARGE_REASON_LABELS[code],
          // A perturbed part is capped at its perturbed whole.
          share: toRate(Math.min(count(counts.byReason.get(code) ?? NO_RECORDS), count(discharged)), count(discharged)),
        })),
    });
    return forScope(scope, answerOf(trueCount), suppressDischargeReasons, () => answerOf(perturbedCount));
  }
}
