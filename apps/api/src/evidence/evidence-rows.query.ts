import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import type { EpisodeAtRevision } from '../episodes/episode-revision-store';

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

/**
 * The columns as the SQL below names them (aliased to EvidenceRow's fields, so that a parsed row is the row):
 * integers and smallints are numbers, the rates and per-week figures float8 (null where their denominator is
 * zero), charges_cents a bigint (text).
 */
const evidenceRow = z.object({
  levelOfCare: pg.text,
  ageBand: pg.text,
  sex: pg.text,
  substance: pg.text,
  severity: pg.int,
  priorEpisodes: pg.int,
  payer: pg.text,
  employment: pg.text,
  oud: pg.bool,
  mat: pg.bool,
  lengthOfStay: pg.int,
  daysFollowed: pg.int,
  dischargeReason: pg.int.nullable(),
  scheduledHoursPerWeek28: pg.float8.nullable(),
  complianceScore: pg.float8.nullable(),
  individualSessionsPerWeek28: pg.float8.nullable(),
  alliance: pg.float8.nullable(),
  groupsAttendedPerWeek28: pg.float8.nullable(),
  familyAttended28: pg.bool,
  eveningWeekendShare: pg.float8.nullable(),
  attendanceRate: pg.float8.nullable(),
  negativeScreenRate28: pg.float8.nullable(),
  readinessChange: pg.float8.nullable(),
  abstinentFinal4Weeks: pg.bool,
  mutualHelpPerWeek: pg.float8.nullable(),
  negativeScreenRate: pg.float8.nullable(),
  active: pg.bool,
  chargesCents: pg.int8,
});

const evidenceRowAtRevision = evidenceRow.extend({ episodeId: pg.int, revision: pg.int8 });

/**
 * Per-episode rows from episode_facts, by episode, with the revision of the facts row they were read from: what
 * EvidenceRowStore keeps between requests. The models are fitted on these, never on appointments.
 */
@Injectable()
export class EvidenceRowsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(episodeIds: readonly number[]): Promise<EpisodeAtRevision<EvidenceRow>[]> {
    const sql = `
      SELECT f.episode_id AS "episodeId", f.revision,
             f.level_of_care AS "levelOfCare", f.age_band AS "ageBand", f.sex, f.primary_substance AS substance,
             f.severity, f.prior_episodes AS "priorEpisodes", f.payer, f.employment, f.oud, f.mat,
             f.length_of_stay_days AS "lengthOfStay", f.as_of - f.admit_date AS "daysFollowed",
             f.discharge_reason AS "dischargeReason", f.scheduled_hours_per_week_28 AS "scheduledHoursPerWeek28",
             f.compliance_score AS "complianceScore",
             f.individual_sessions_per_week_28 AS "individualSessionsPerWeek28", f.alliance,
             f.groups_attended_per_week_28 AS "groupsAttendedPerWeek28", f.family_attended_28 AS "familyAttended28",
             f.evening_weekend_share AS "eveningWeekendShare",
             f.attendance_numerator::double precision / NULLIF(f.attendance_denominator, 0) AS "attendanceRate",
             f.negative_screen_rate_28 AS "negativeScreenRate28",
             CASE WHEN f.readiness_count >= 2 THEN f.readiness_last - f.readiness_first END AS "readinessChange",
             f.abstinent_final_4_weeks AS "abstinentFinal4Weeks",
             f.mutual_help_meetings_per_week AS "mutualHelpPerWeek", f.negative_screen_rate AS "negativeScreenRate",
             f.active, coalesce(f.charges_cents, 0) AS "chargesCents"
      FROM episode_facts f
      WHERE f.episode_id = ANY($1::int[])
      `;
    const rows = parseLargeRows(
      'EvidenceRowsQuery',
      evidenceRowAtRevision,
      await this.dataSource.query<unknown>(sql, [episodeIds]),
    );
    return rows.map((row) => ({ episodeId: row.episodeId, revision: row.revision, row }));
  }
}
