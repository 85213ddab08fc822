import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import type { EpisodeAtRevision } from './episode-revision-store';

/**
 * One episode's facts as EPISODE_AGGREGATES_SQL reads them, and what the summary, trend and breakdown group it by.
 * Day differences are computed here as the SQL computes them (as_of - admit_date); null stays null.
 */
export interface AggregatedEpisode {
  recordKey: number;
  active: boolean;
  attended: number;
  noShow: number;
  attendanceDenominator: number;
  attendedHoursPerWeek: number | null;
  meetsIntensity: boolean;
  complianceScore: number | null;
  compliant: boolean;
  daysSinceAdmission: number | null;
  lengthOfStayDays: number | null;
  dischargeReason: number | null;
  screensNegative: number;
  screensExpected: number;
  screensExpectedFinal28: number;
  abstinentFinal4Weeks: boolean;
  daysSinceDischarge: number | null;
  daysToReadmission: number | null;
  programId: number;
  levelOfCare: string;
  payer: string;
  substance: string;
  ageBand: string;
  counselorId: number | null;
  /** YYYY-MM. */
  admitMonth: string;
}

/**
 * A null count or flag is read as 0 or false: the SQL's sums skip a null as they skip a 0, and a FILTER skips a
 * null condition as it skips a false one, so both give the same counts and keys.
 */
const aggregatedEpisodeRow = z.object({
  episode_id: pg.int,
  revision: pg.int8,
  record_key: pg.int,
  active: pg.bool,
  attended: pg.int,
  no_show: pg.int,
  attendance_denominator: pg.int,
  attended_hours_per_week: pg.float8.nullable(),
  meets_intensity: pg.bool,
  compliance_score: pg.float8.nullable(),
  compliant: pg.bool,
  days_since_admission: pg.int.nullable(),
  length_of_stay_days: pg.int.nullable(),
  discharge_reason: pg.int.nullable(),
  screens_negative: pg.int,
  screens_expected: pg.int,
  screens_expected_final_28: pg.int,
  abstinent_final_4_weeks: pg.bool,
  days_since_discharge: pg.int.nullable(),
  days_to_readmission: pg.int.nullable(),
  program_id: pg.int,
  level_of_care: pg.text,
  payer: pg.text,
  primary_substance: pg.text,
  age_band: pg.text,
  primary_counselor_id: pg.int.nullable(),
  admit_month: pg.isoMonth,
});

/** The given episodes' aggregated facts (EpisodeAggregateStore), each with its facts row's revision. */
@Injectable()
export class AggregatedEpisodesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(episodeIds: readonly number[]): Promise<EpisodeAtRevision<AggregatedEpisode>[]> {
    const sql = `
      SELECT f.episode_id, f.revision, f.record_key, f.active,
        coalesce(f.attendance_numerator, 0) AS attended,
        coalesce(f.no_show, 0) AS no_show,
        coalesce(f.attendance_denominator, 0) AS attendance_denominator,
        f.attended_hours_per_week,
        coalesce(f.meets_iop_intensity, false) AS meets_intensity,
        f.compliance_score,
        coalesce(f.compliant, false) AS compliant,
        f.as_of - f.admit_date AS days_since_admission,
        f.length_of_stay_days,
        f.discharge_reason::int AS discharge_reason,
        coalesce(f.screens_negative, 0) AS screens_negative,
        coalesce(f.screens_expected, 0) AS screens_expected,
        coalesce(f.screens_expected_final_28, 0) AS screens_expected_final_28,
        coalesce(f.abstinent_final_4_weeks, false) AS abstinent_final_4_weeks,
        f.as_of - f.discharge_date AS days_since_discharge,
        f.days_to_readmission,
        f.program_id, f.level_of_care, f.payer, f.primary_substance, f.age_band, f.primary_counselor_id,
        to_char(f.admit_date, 'YYYY-MM') AS admit_month
      FROM episode_facts f
      WHERE f.episode_id = ANY($1::int[])
      `;
    const rows = parseLargeRows(
      'AggregatedEpisodesQuery',
      aggregatedEpisodeRow,
      await this.dataSource.query(sql, [episodeIds]),
    );
    return rows.map((row) => ({
      episodeId: row.episode_id,
      revision: row.revision,
      row: {
        recordKey: row.record_key,
        active: row.active,
        attended: row.attended,
        noShow: row.no_show,
        attendanceDenominator: row.attendance_denominator,
        attendedHoursPerWeek: row.attended_hours_per_week,
        meetsIntensity: row.meets_intensity,
        complianceScore: row.compliance_score,
        compliant: row.compliant,
        daysSinceAdmission: row.days_since_admission,
        lengthOfStayDays: row.length_of_stay_days,
        dischargeReason: row.discharge_reason,
        screensNegative: row.screens_negative,
        screensExpected: row.screens_expected,
        screensExpectedFinal28: row.screens_expected_final_28,
        abstinentFinal4Weeks: row.abstinent_final_4_weeks,
        daysSinceDischarge: row.days_since_discharge,
        daysToReadmission: row.days_to_readmission,
        programId: row.program_id,
        levelOfCare: row.level_of_care,
        payer: row.payer,
        substance: row.primary_substance,
        ageBand: row.age_band,
        counselorId: row.primary_counselor_id,
        admitMonth: row.admit_month,
      },
    }));
  }
}
