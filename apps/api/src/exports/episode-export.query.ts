import { DISCHARGE_REASON_LABELS, type EpisodeExportRow, type EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseLargeRows } from '../database/parse-large-rows';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

/**
 * Rows per round trip. Neither pg-cursor nor pg-query-stream is installed, so the export reads in keyset batches
 * (episode id above the last one seen, on the unique index of episode_facts): only one batch is held at a time.
 */
export const EPISODE_EXPORT_BATCH_SIZE = 5000;

/**
 * Dates leave PostgreSQL as text, because pg would turn a date into a local-midnight Date and shift it by the
 * server's time zone. Rates are rounded to 4 places: more is noise to a quality team. retained90 follows
 * METRICS.md (in treatment 90 days or more), unknown while fewer than 90 days have passed by the as-of date.
 */
const COLUMNS = `
  f.episode_id AS "episodeId",
  pt.patient_key AS "patientKey",
  p.name AS program,
  f.level_of_care AS "levelOfCare",
  f.payer,
  f.primary_substance AS "primarySubstance",
  f.age_at_admission AS "ageAtAdmission",
  f.age_band AS "ageBand",
  f.sex,
  pt.zip3,
  to_char(f.admit_date, 'YYYY-MM-DD') AS "admitDate",
  to_char(f.discharge_date, 'YYYY-MM-DD') AS "dischargeDate",
  f.length_of_stay_days AS "lengthOfStayDays",
  f.discharge_reason AS "dischargeReason",
  round((f.attendance_numerator::numeric / NULLIF(f.attendance_denominator, 0)), 4)::float8 AS "attendanceRate",
  round(f.compliance_score::numeric, 4)::float8 AS "complianceScore",
  CASE WHEN f.as_of - f.admit_date >= 90 THEN f.length_of_stay_days >= 90 END AS "retained90",
  CASE WHEN f.discharge_date IS NOT NULL THEN f.discharge_reason = 1 END AS completed,
  f.abstinent_final_4_weeks AS "abstinentFinal4Weeks"`;

/** COLUMNS as node-postgres returns them; the discharge reason is still the TEDS-D code. */
const exportRow = z.object({
  episodeId: pg.int,
  patientKey: pg.text,
  program: pg.text,
  levelOfCare: pg.text,
  payer: pg.text,
  primarySubstance: pg.text,
  ageAtAdmission: pg.int,
  ageBand: pg.text,
  sex: pg.text,
  zip3: pg.text.nullable(),
  admitDate: pg.isoDate,
  dischargeDate: pg.isoDate.nullable(),
  lengthOfStayDays: pg.int,
  dischargeReason: pg.int.nullable(),
  attendanceRate: pg.float8.nullable(),
  complianceScore: pg.float8.nullable(),
  retained90: pg.bool.nullable(),
  completed: pg.bool.nullable(),
  abstinentFinal4Weeks: pg.bool,
});

type DatabaseRow = z.output<typeof exportRow>;

const countRow = z.object({ count: pg.int });

const toExportRow = (row: DatabaseRow): EpisodeExportRow => ({
  ...row,
  dischargeReason: row.dischargeReason === null ? null : (DISCHARGE_REASON_LABELS[row.dischargeReason] ?? 'Other'),
});

/** The identified rows of the selected episodes, in episode id order; de-identification is the caller's. */
@Injectable()
export class EpisodeExportQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** How many episodes `rows` would yield. */
  async count(scope: AccessScope, filters: EpisodeFilters): Promise<number> {
    const selection = episodeSelection(scope, filters);
    const { count } = parseOneRow(
      'EpisodeExportQuery.count',
      countRow,
      await this.dataSource.query(
        `SELECT count(*)::int AS count FROM episode_facts f WHERE ${selection.sql}`,
        selection.params,
      ),
    );
    return count;
  }

  async *rows(
    scope: AccessScope,
    filters: EpisodeFilters,
    batchSize = EPISODE_EXPORT_BATCH_SIZE,
  ): AsyncGenerator<EpisodeExportRow> {
    const selection = episodeSelection(scope, filters);
    const after = `$${selection.params.length + 1}`;
    let lastId = 0;
    for (;;) {
      const sql = `SELECT ${COLUMNS}
         FROM episode_facts f
         JOIN programs p ON p.id = f.program_id
         JOIN patients pt ON pt.id = f.patient_id
         WHERE ${selection.sql} AND f.episode_id > ${after}
         ORDER BY f.episode_id
         LIMIT ${batchSize}`;
      const rows = parseLargeRows(
        'EpisodeExportQuery',
        exportRow,
        await this.dataSource.query(sql, [...selection.params, lastId]),
      );
      for (const row of rows) yield toExportRow(row);
      if (rows.length < batchSize) return;
      lastId = rows[rows.length - 1].episodeId;
    }
  }
}
