import {
  type AttendanceHeatmapResponse,
  type ComplianceComponent,
  type ComplianceResponse,
  DAY_PARTS,
  type EpisodeFilters,
  type HoursHistogramResponse,
  type NoShowsResponse,
  SESSION_TYPES,
  type SessionTypeOutcomes,
  WEEKDAYS,
} from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ResultCache } from '../common/result-cache';
import { AsOfQuery } from '../episodes/as-of.query';
import { complianceScoreOf, compliantRateOf } from '../episodes/episode-aggregates.sql';
import { groupLabel } from '../episodes/labels';
import { toRate } from '../episodes/rate';
import { type ComplianceComponentColumn, ComplianceQuery } from './compliance.query';
import { WeekdayAttendanceStore } from './weekday-attendance-store';
import { HoursQuery, OPEN_BIN_FROM_HOURS } from './hours.query';
import { AppointmentCountStore, type StatusCounts } from '../episodes/appointment-count-store';

/** docs/METRICS.md: a compliance component, or the score, is met at 0.80. */
export const COMPLIANCE_THRESHOLD = 0.8;
/** docs/METRICS.md: the ASAM 2.1 floor of attended hours per week; lower under 18. */
export const INTENSITY_FLOOR = { adults: 9, under18: 6 } as const;

const COMPONENTS: Array<{ key: ComplianceComponent; label: string; column: ComplianceComponentColumn }> = [
  { key: 'sessionAdherence', label: 'Session adherence', column: 'session' },
  { key: 'screenAdherence', label: 'Screen adherence', column: 'screen' },
  { key: 'goalAttainment', label: 'Goal attainment', column: 'goal' },
];

/**
 * The attendance page's aggregates (docs/METRICS.md, "Attendance"), each over the selected episodes. Each answer
 * is remembered until the next load (ResultCache): the heatmap and the no-shows read the per-episode appointment
 * tables (0.5 and 0.9 million rows for a whole large network).
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly asOfQuery: AsOfQuery,
    private readonly weekdayAttendance: WeekdayAttendanceStore,
    private readonly complianceQuery: ComplianceQuery,
    private readonly hoursQuery: HoursQuery,
    private readonly appointmentCounts: AppointmentCountStore,
    private readonly cache: ResultCache,
  ) {}

  /** All 21 weekday x part-of-day cells, so that the grid never has holes; empty cells are 0/0. */
  heatmap(scope: AccessScope, filters: EpisodeFilters): Promise<AttendanceHeatmapResponse> {
    return this.cache.get(scope, filters, 'heatmap', () => this.computeHeatmap(scope, filters));
  }

  compliance(scope: AccessScope, filters: EpisodeFilters): Promise<ComplianceResponse> {
    return this.cache.get(scope, filters, 'compliance', () => this.computeCompliance(scope, filters));
  }

  hours(scope: AccessScope, filters: EpisodeFilters): Promise<HoursHistogramResponse> {
    return this.cache.get(scope, filters, 'hours', () => this.computeHours(scope, filters));
  }

  noShows(scope: AccessScope, filters: EpisodeFilters): Promise<NoShowsResponse> {
    return this.cache.get(scope, filters, 'no-shows', () => this.computeNoShows(scope, filters));
  }

  private async computeHeatmap(scope: AccessScope, filters: EpisodeFilters): Promise<AttendanceHeatmapResponse> {
    const [rows, asOf] = await Promise.all([this.weekdayAttendance.heatmap(scope, filters), this.asOfQuery.run()]);
    const byCell = new Map(rows.map((row) => [`${row.isoWeekday}:${row.dayPart}`, row]));
    const cells = WEEKDAYS.flatMap((weekday, index) =>
      DAY_PARTS.map((dayPart) => {
        const row = byCell.get(`${index + 1}:${dayPart}`);
        return { weekday, dayPart, attendanceRate: toRate(row?.attended ?? 0, row?.counted ?? 0) };
      }),
    );
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    return {
      asOf,
      cells,
      overall: toRate(
        sum((row) => row.attended),
        sum((row) => row.counted),
      ),
    };
  }

  private async computeCompliance(scope: AccessScope, filters: EpisodeFilters): Promise<ComplianceResponse> {
    const [row, asOf] = await Promise.all([this.complianceQuery.run(scope, filters), this.asOfQuery.run()]);
    return {
      asOf,
      threshold: COMPLIANCE_THRESHOLD,
      score: { mean: complianceScoreOf(row) },
      compliant: compliantRateOf(row),
      components: COMPONENTS.map(({ key, label, column }) => {
        const { mean, defined, meeting } = row.components[column];
        return { key, label, mean, meeting: toRate(meeting, defined) };
      }),
    };
  }

  /** Every bin from 0-1 to 20+, empty ones with 0 episodes. */
  private async computeHours(scope: AccessScope, filters: EpisodeFilters): Promise<HoursHistogramResponse> {
    const [rows, asOf] = await Promise.all([this.hoursQuery.run(scope, filters), this.asOfQuery.run()]);
    const episodesByBin = new Map(rows.map((row) => [row.bin, row.episodes]));
    const bins = Array.from({ length: OPEN_BIN_FROM_HOURS + 1 }, (_, lower) => {
      const open = lower === OPEN_BIN_FROM_HOURS;
      return {
        lower,
        upper: open ? null : lower + 1,
        label: open ? `${lower}+` : `${lower}-${lower + 1}`,
        episodes: episodesByBin.get(lower) ?? 0,
      };
    });
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const n = sum((row) => row.episodes);
    return {
      asOf,
      n,
      bins,
      floor: { ...INTENSITY_FLOOR },
      under18Episodes: sum((row) => row.under18),
      meetsIntensity: toRate(
        sum((row) => row.meetsIntensity),
        n,
      ),
    };
  }

  /** Session types in vocabulary order (those with no appointment left out), then the total over all. */
  private async computeNoShows(scope: AccessScope, filters: EpisodeFilters): Promise<NoShowsResponse> {
    const [rows, asOf] = await Promise.all([
      this.appointmentCounts.statusesBySessionType(scope, filters),
      this.asOfQuery.run(),
    ]);
    const order = (sessionType: string) => {
      const index = (SESSION_TYPES as readonly string[]).indexOf(sessionType);
      return index === -1 ? SESSION_TYPES.length : index;
    };
    const sessionTypes = [...rows]
      .sort((a, b) => order(a.sessionType) - order(b.sessionType))
      .map((row) => outcomes(row.sessionType, groupLabel('sessionType', row.sessionType), row.counts));
    const total: StatusCounts = { attended: 0, no_show: 0, cancelled_patient: 0, cancelled_program: 0, scheduled: 0 };
    for (const row of rows) {
      for (const status of Object.keys(total) as Array<keyof StatusCounts>) total[status] += row.counts[status];
    }
    return { asOf, sessionTypes, total: outcomes('all', 'All session types', total) };
  }
}

function outcomes(key: string, label: string, counts: StatusCounts): SessionTypeOutcomes {
  const appointments = Object.values(counts).reduce((total, count) => total + count, 0);
  const withOutcome = counts.attended + counts.no_show + counts.cancelled_patient;
  return {
    key,
    label,
    appointments,
    shares: {
      attended: toRate(counts.attended, appointments),
      no_show: toRate(counts.no_show, appointments),
      cancelled_patient: toRate(counts.cancelled_patient, appointments),
      cancelled_program: toRate(counts.cancelled_program, appointments),
      scheduled: toRate(counts.scheduled, appointments),
    },
    noShowRate: toRate(counts.no_show, withOutcome),
    patientCancellationRate: toRate(counts.cancelled_patient, withOutcome),
  };
}
