import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseLargeRows } from '../database/parse-large-rows';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { isoDate } from './medication-coverage';

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

/**
 * Dates leave the SQL as YYYY-MM-DD text, but the attended ones as one text of day numbers (days since 1970-01-01)
 * joined by commas: as an array column they took about a quarter of the query's time at the large preset, to format
 * and to parse (docs/PERFORMANCE.md). The fills come as one json array per episode, null for none (most episodes).
 */
const caseRow = z.object({
  episode_id: pg.int,
  revision: pg.int8,
  record_key: pg.int,
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
  attended_days: pg.text,
  fills: z.array(fill).nullable(),
});

const patientKeyRow = z.object({ episode_id: pg.int, patient_key: pg.text });
const programNameRow = z.object({ id: pg.int, name: pg.text });

/** A case and the revision of the facts row it was read from. */
export interface CaseAtRevision {
  revision: number;
  qualityCase: QualityCase;
}

/**
 * The selected episodes (scope, then the common filter) with their decisive attended dates and fills, which the
 * facts refresh keeps per episode in `episode_quality_dates` (migration 1765800000000 says how they are found).
 * The measures themselves are evaluated in quality-measures.ts: the shifted-forward medication coverage is a
 * sequential computation that reads more plainly there than as recursive SQL.
 */
@Injectable()
export class QualityCasesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<QualityCase[]> {
    const selection = episodeSelection(scope, filters);
    return (await this.casesWhere(selection.sql, selection.params)).map(({ qualityCase }) => qualityCase);
  }

  /** The given episodes' cases, each with the revision of the facts row it was read from (migration 1765900000000). */
  byIds(episodeIds: readonly number[]): Promise<CaseAtRevision[]> {
    return this.casesWhere('f.episode_id = ANY($1::int[])', [episodeIds]);
  }

  /** The names of the given programs, by id. */
  async programNames(programIds: readonly number[]): Promise<Map<number, string>> {
    const rows = parseRows(
      'QualityCasesQuery.programNames',
      programNameRow,
      await this.dataSource.query('SELECT id, name FROM programs WHERE id = ANY($1::int[])', [programIds]),
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private async casesWhere(where: string, params: unknown[]): Promise<CaseAtRevision[]> {
    const sql = `
      SELECT f.episode_id, f.revision, f.record_key, f.program_id, p.name AS program_name,
        f.payer, to_char(f.admit_date, 'YYYY-MM-DD') AS admit_date, f.age_at_admission AS age, f.oud,
        to_char(f.referral_date, 'YYYY-MM-DD') AS referral_date, f.referral_source,
        to_char(f.prior_discharge_date, 'YYYY-MM-DD') AS prior_discharge_date,
        to_char(f.last_day, 'YYYY-MM-DD') AS last_day, to_char(f.as_of, 'YYYY-MM-DD') AS as_of,
        array_to_string(ARRAY(SELECT day - DATE '1970-01-01' FROM unnest(q.attended_dates) AS day), ',')
          AS attended_days,
        q.fills
      FROM episode_facts f
      JOIN episode_quality_dates q ON q.episode_id = f.episode_id
      JOIN programs p ON p.id = f.program_id
      WHERE ${where}
      ORDER BY f.episode_id
      `;
    const rows = parseLargeRows('QualityCasesQuery', caseRow, await this.dataSource.query(sql, params));
    return rows.map((row) => ({
      revision: row.revision,
      qualityCase: {
        episodeId: row.episode_id,
        recordKey: row.record_key,
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
        attendedDates: row.attended_days === '' ? [] : row.attended_days.split(',').map((day) => isoDate(Number(day))),
        fills: row.fills ?? [],
      },
    }));
  }

  /**
   * The pseudonymous patient keys of the given episodes, for a patient list: the measures themselves never need
   * them, and reading them for every episode of a whole network cost a join and a column of 120,000 rows.
   */
  async patientKeys(episodeIds: readonly number[]): Promise<Map<number, string>> {
    const rows = parseLargeRows(
      'QualityCasesQuery.patientKeys',
      patientKeyRow,
      await this.dataSource.query(
        `SELECT e.id AS episode_id, pt.patient_key
         FROM episodes e JOIN patients pt ON pt.id = e.patient_id
         WHERE e.id = ANY($1::int[])`,
        [episodeIds],
      ),
    );
    return new Map(rows.map((row) => [row.episode_id, row.patient_key]));
  }
}
