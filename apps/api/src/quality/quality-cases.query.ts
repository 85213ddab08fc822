import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from '../metrics/episode-selection.sql';

/** A fill of a medication: dispensed on a date for a number of days. */
export interface Fill {
  on: string;
  days: number;
  medication: string;
}

/** One selected episode with every date the quality measures decide on (dates as YYYY-MM-DD). */
export interface QualityCase {
  episodeId: number;
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
  /** Distinct local dates (program time zone) of attended appointments up to the last day, ascending. */
  attendedDates: string[];
  /** Every dispense of the episode, by date. */
  fills: Fill[];
}

interface CaseRow {
  episode_id: number;
  patient_key: string;
  program_id: number;
  program_name: string;
  payer: string;
  admit_date: string;
  age: number;
  oud: boolean;
  referral_date: string | null;
  referral_source: string;
  prior_discharge_date: string | null;
  last_day: string;
  as_of: string | null;
  attended_dates: string[];
  fills: Fill[];
}

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
    const rows: CaseRow[] = await this.dataSource.query(
      `
      SELECT f.episode_id, pt.patient_key, f.program_id, p.name AS program_name, f.payer,
        to_char(f.admit_date, 'YYYY-MM-DD') AS admit_date, f.age_at_admission AS age, f.oud,
        to_char(f.referral_date, 'YYYY-MM-DD') AS referral_date, f.referral_source,
        to_char(f.prior_discharge_date, 'YYYY-MM-DD') AS prior_discharge_date,
        to_char(f.last_day, 'YYYY-MM-DD') AS last_day, to_char(f.as_of, 'YYYY-MM-DD') AS as_of,
        COALESCE((
          -- Local dates, up to the last day, as episode_facts counts appointments.
          SELECT array_agg(DISTINCT to_char((a.scheduled_start AT TIME ZONE p.timezone)::date, 'YYYY-MM-DD'))
          FROM appointments a
          WHERE a.episode_id = f.episode_id AND a.status = 'attended'
            AND (a.scheduled_start AT TIME ZONE p.timezone)::date <= f.last_day
        ), '{}') AS attended_dates,
        COALESCE((
          SELECT json_agg(json_build_object('on', to_char(d.dispensed_on, 'YYYY-MM-DD'), 'days', d.days_supply,
            'medication', d.medication) ORDER BY d.dispensed_on, d.id)
          FROM medication_dispenses d
          WHERE d.episode_id = f.episode_id
        ), '[]') AS fills
      FROM episode_facts f
      JOIN patients pt ON pt.id = f.patient_id
      JOIN programs p ON p.id = f.program_id
      WHERE ${selection.sql}
      ORDER BY f.episode_id
      `,
      selection.params,
    );
    return rows.map((row) => ({
      episodeId: row.episode_id,
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
      // array_agg(DISTINCT) sorts; sorted again so the order does not rest on that.
      attendedDates: [...row.attended_dates].sort(),
      fills: row.fills,
    }));
  }
}
