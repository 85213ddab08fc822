import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

/** A fill of a medication: dispensed on a date for a number of days. */
export interface Fill {
  on: string;
  days: number;
  medication: string;
}

/** One selected episode with every date the quality measures decide on (dates as YYYY-MM-DD). */
export interface QualityCase {
  episodeId: number;
  /** The episode's record key, which a payer's counts are perturbed by (suppression/cell-key.ts); never shown. */
  recordKey: number;
  patientKey: string;
  programId: number;
  programName: string;
  payer: string;
  admitDate: string;
  admitMonth: string;
  /** episode_facts' age: admission year - birth year (only the birth year is stored). */
  age: number;
  oud: boolean;
  referralDate: string | null;
  referralSource: string;
  priorDischargeDate: string | null;
  /** Discharge date, or the data's as-of date while active. */
  lastDay: string;
  asOf: string | null;
  /**
   * The attended local dates (program time zone, up to the last day) the measures decide on, distinct and
   * ascending: the first three on or after the referral date and the first on or after the prior discharge. Every
   * measure asks only for the first attended date on or after one of those two days, or the two after the first:
   * the result is that of all the attended dates.
   */
  attendedDates: string[];
  /** Every dispense of the episode, by date. */
  fills: Fill[];
}

const fill = z.object({ on: pg.isoDate, days: pg.int, medication: pg.text });

/** Dates leave the SQL as YYYY-MM-DD text; the fills come as one json array per episode. */
const caseRow = z.object({
  episode_id: pg.int,
  record_key: pg.int,
  patient_key: pg.text,
  program_id: pg.int,
  program_name: pg.text,
  payer: pg.text,
  admit_date: pg.isoDate,
  age: pg.int,
  oud: pg.bool,
  referral_date: pg.isoDate.nullable(),
  referral_source: pg.text,
  prior_discharge_date: pg.isoDate.nullable(),
  last_day: pg.isoDate,
  as_of: pg.isoDate.nullable(),
  attended_dates: z.array(pg.isoDate),
  fills: z.array(fill),
});

/**
 * The local date of the episode's first attended appointment on or after the local day `day` (a date expression),
 * found by the (episode_id, scheduled_start) index from that day's local midnight: a few index entries per episode
 * instead of every appointment (all attended dates of the large network: 11.1 s, these probes: 2.9 s).
 */
const firstAttendedFrom = (day: string): string => `
        SELECT (a.scheduled_start AT TIME ZONE p.timezone)::date AS day
        FROM appointments a
        WHERE a.episode_id = f.episode_id AND a.status = 'attended'
          AND a.scheduled_start >= ((${day})::timestamp AT TIME ZONE p.timezone)
        ORDER BY a.scheduled_start
        LIMIT 1`;

/**
 * The selected episodes (scope, then the common filter) with their attended service dates and fills. The
 * measures themselves are evaluated in quality-measures.ts: the shifted-forward medication coverage is a
 * sequential computation that reads more plainly there than as recursive SQL.
 */
@Injectable()
export class QualityCasesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<QualityCase[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT f.episode_id, f.record_key, pt.patient_key, f.program_id, p.name AS program_name, f.payer,
        to_char(f.admit_date, 'YYYY-MM-DD') AS admit_date, f.age_at_admission AS age, f.oud,
        to_char(f.referral_date, 'YYYY-MM-DD') AS referral_date, f.referral_source,
        to_char(f.prior_discharge_date, 'YYYY-MM-DD') AS prior_discharge_date,
        to_char(f.last_day, 'YYYY-MM-DD') AS last_day, to_char(f.as_of, 'YYYY-MM-DD') AS as_of,
        array_remove(ARRAY[
          to_char(d1.day, 'YYYY-MM-DD'), to_char(d2.day, 'YYYY-MM-DD'), to_char(d3.day, 'YYYY-MM-DD'),
          to_char(p1.day, 'YYYY-MM-DD')
        ], NULL) AS attended_dates,
        COALESCE((
          SELECT json_agg(json_build_object('on', to_char(d.dispensed_on, 'YYYY-MM-DD'), 'days', d.days_supply,
            'medication', d.medication) ORDER BY d.dispensed_on, d.id)
          FROM medication_dispenses d
          WHERE d.episode_id = f.episode_id
        ), '[]') AS fills
      FROM episode_facts f
      JOIN patients pt ON pt.id = f.patient_id
      JOIN programs p ON p.id = f.program_id
      LEFT JOIN LATERAL (${firstAttendedFrom('f.referral_date')}) d1 ON d1.day <= f.last_day
      LEFT JOIN LATERAL (${firstAttendedFrom('d1.day + 1')}) d2 ON d2.day <= f.last_day
      LEFT JOIN LATERAL (${firstAttendedFrom('d2.day + 1')}) d3 ON d3.day <= f.last_day
      LEFT JOIN LATERAL (${firstAttendedFrom('f.prior_discharge_date')}) p1 ON p1.day <= f.last_day
      WHERE ${selection.sql}
      ORDER BY f.episode_id
      `;
    const rows = parseLargeRows('QualityCasesQuery', caseRow, await this.dataSource.query(sql, selection.params));
    return rows.map((row) => ({
      episodeId: row.episode_id,
      recordKey: row.record_key,
      patientKey: row.patient_key,
      programId: row.program_id,
      programName: row.program_name,
      payer: row.payer,
      admitDate: row.admit_date,
      admitMonth: row.admit_date.slice(0, 7),
      age: row.age,
      oud: row.oud,
      referralDate: row.referral_date,
      referralSource: row.referral_source,
      priorDischargeDate: row.prior_discharge_date,
      lastDay: row.last_day,
      asOf: row.as_of,
      // d1 < d2 < d3, but the prior discharge's date may fall anywhere among them.
      attendedDates: [...new Set(row.attended_dates)].sort(),
      fills: row.fills,
    }));
  }
}
