import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from '../metrics/episode-selection.sql';

/** One episode of the selection with the exposures, outcomes and covariates the evidence board models. */
export interface EvidenceRow {
  levelOfCare: string;
  ageBand: string;
  sex: string;
  substance: string;
  severity: number;
  priorEpisodes: number;
  payer: string;
  employment: string;
  oud: boolean;
  mat: boolean;
  lengthOfStay: number;
  /** as-of date - admit date: how long the episode could have been followed. */
  daysFollowed: number;
  dischargeReason: number | null;
  scheduledHoursPerWeek28: number | null;
  complianceScore: number | null;
  individualSessionsPerWeek28: number | null;
  alliance: number | null;
  groupsAttendedPerWeek28: number | null;
  familyAttended28: boolean;
  eveningWeekendShare: number | null;
  attendanceRate: number | null;
  negativeScreenRate28: number | null;
  readinessChange: number | null;
  abstinentFinal4Weeks: boolean;
  mutualHelpPerWeek: number | null;
  negativeScreenRate: number | null;
  /** Still in treatment at the data end (its charges and outcomes are not final). */
  active: boolean;
  /** Charges of the episode in cents, at face value (episode_facts.charges_cents). */
  chargesCents: number;
}

export interface EvidenceRows {
  asOf: string | null;
  rows: EvidenceRow[];
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Per-episode rows from episode_facts in one round trip; the models are fitted on these, never on appointments. */
@Injectable()
export class EvidenceRowsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<EvidenceRows> {
    const selection = episodeSelection(scope, filters);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `
      SELECT f.level_of_care, f.age_band, f.sex, f.primary_substance, f.severity, f.prior_episodes, f.payer,
             f.employment, f.oud, f.mat, f.length_of_stay_days, f.as_of - f.admit_date AS days_followed,
             f.discharge_reason, f.scheduled_hours_per_week_28, f.compliance_score,
             f.individual_sessions_per_week_28, f.alliance, f.groups_attended_per_week_28, f.family_attended_28,
             f.evening_weekend_share,
             f.attendance_numerator::double precision / NULLIF(f.attendance_denominator, 0) AS attendance_rate,
             f.negative_screen_rate_28,
             CASE WHEN f.readiness_count >= 2 THEN f.readiness_last - f.readiness_first END AS readiness_change,
             f.abstinent_final_4_weeks, f.mutual_help_meetings_per_week, f.negative_screen_rate,
             f.active, coalesce(f.charges_cents, 0) AS charges_cents
      FROM episode_facts f
      WHERE ${selection.sql}
      ORDER BY f.episode_id
      `,
      selection.params,
    );
    const meta: Array<{ as_of: string | null }> = await this.dataSource.query(
      `SELECT to_char(max(as_of), 'YYYY-MM-DD') AS as_of FROM dataset_meta`,
    );
    return {
      asOf: meta[0]?.as_of ?? null,
      rows: rows.map((r) => ({
        levelOfCare: String(r['level_of_care']),
        ageBand: String(r['age_band']),
        sex: String(r['sex']),
        substance: String(r['primary_substance']),
        severity: Number(r['severity']),
        priorEpisodes: Number(r['prior_episodes']),
        payer: String(r['payer']),
        employment: String(r['employment']),
        oud: Boolean(r['oud']),
        mat: Boolean(r['mat']),
        lengthOfStay: Number(r['length_of_stay_days']),
        daysFollowed: Number(r['days_followed']),
        dischargeReason: num(r['discharge_reason']),
        scheduledHoursPerWeek28: num(r['scheduled_hours_per_week_28']),
        complianceScore: num(r['compliance_score']),
        individualSessionsPerWeek28: num(r['individual_sessions_per_week_28']),
        alliance: num(r['alliance']),
        groupsAttendedPerWeek28: num(r['groups_attended_per_week_28']),
        familyAttended28: Boolean(r['family_attended_28']),
        eveningWeekendShare: num(r['evening_weekend_share']),
        attendanceRate: num(r['attendance_rate']),
        negativeScreenRate28: num(r['negative_screen_rate_28']),
        readinessChange: num(r['readiness_change']),
        abstinentFinal4Weeks: Boolean(r['abstinent_final_4_weeks']),
        mutualHelpPerWeek: num(r['mutual_help_meetings_per_week']),
        negativeScreenRate: num(r['negative_screen_rate']),
        active: Boolean(r['active']),
        chargesCents: Number(r['charges_cents']),
      })),
    };
  }
}
