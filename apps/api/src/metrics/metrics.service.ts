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
import { AsOfQuery } from '../episodes/as-of.query';
import { BreakdownQuery } from './breakdown.query';
import { DischargeReasonsQuery } from './discharge-reasons.query';
import { metricValue, NO_EPISODE_AGGREGATES } from '../episodes/episode-aggregates.sql';
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

/** The metrics of docs/METRICS.md over the selected episodes; each value comes from the episode_facts aggregates. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly asOfQuery: AsOfQuery,
    private readonly summaryQuery: SummaryQuery,
    private readonly trendQuery: TrendQuery,
    private readonly breakdownQuery: BreakdownQuery,
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
    const value = (metric: EpisodeMetric) => metricValue(metric, aggregates);
    const rate = (metric: EpisodeMetric) => value(metric) as RateValue;
    const hours: MeanMedian = {
      mean: value('attendedHoursPerWeek') as number | null,
      median: aggregates.hours_median,
    };
    const exact: SummaryResponse = {
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
    return forScope(scope, exact, suppressSummary);
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
    const points = fillMonths(
      rows,
      (row) => row.period,
      (period) => ({ period, ...NO_EPISODE_AGGREGATES }),
    ).map((row): TrendPoint => ({ period: row.period, value: metricValue(metric, row), n: row.episodes }));
    return { asOf, metric, interval, points: forScope(scope, points, (exact) => suppressSeries(metric, exact)) };
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
      const rows = await this.breakdownQuery.byAppointment(scope, filters, by);
      const groups = rows.map(
        (row): BreakdownGroup => ({
          key: row.key,
          label: groupLabel(by, row.key),
          value: toRate(metric === 'attendanceRate' ? row.attended : row.no_show, row.counted),
          n: row.counted,
        }),
      );
      return { asOf, metric, by, groups: forScope(scope, groups, (exact) => suppressSeries(metric, exact)) };
    }
    const rows = await this.breakdownQuery.byEpisode(scope, filters, by);
    const groups = rows.map(
      (row): BreakdownGroup => ({
        key: row.key,
        label: groupLabel(by, row.key, row.label),
        value: metricValue(metric, row),
        n: row.episodes,
      }),
    );
    return { asOf, metric, by, groups: forScope(scope, groups, (exact) => suppressSeries(metric, exact)) };
  }

  /** Admissions and discharges per calendar month, every month from the first to the last with either. */
  async flow(scope: AccessScope, filters: EpisodeFilters): Promise<FlowResponse> {
    const [rows, asOf] = await Promise.all([this.flowQuery.run(scope, filters), this.asOfQuery.run()]);
    const points: FlowPoint[] = fillMonths(
      rows,
      (row) => row.period,
      (period) => ({ period, admissions: 0, discharges: 0 }),
    );
    return forScope(scope, { asOf, points }, suppressFlow);
  }

  /** Each TEDS-D reason's share of the discharged episodes, all seven codes, and the active count apart. */
  async dischargeReasons(scope: AccessScope, filters: EpisodeFilters): Promise<DischargeReasonsResponse> {
    const [counts, asOf] = await Promise.all([this.dischargeReasonsQuery.run(scope, filters), this.asOfQuery.run()]);
    const discharged = [...counts.byReason.values()].reduce((total, episodes) => total + episodes, 0);
    const reasons = Object.values(DISCHARGE_REASONS)
      .sort((a, b) => a - b)
      .map((code) => ({
        code,
        label: DISCHARGE_REASON_LABELS[code],
        share: toRate(counts.byReason.get(code) ?? 0, discharged),
      }));
    return forScope(scope, { asOf, discharged, active: counts.active, reasons }, suppressDischargeReasons);
  }
}
