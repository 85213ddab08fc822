import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { CELL_KEY_MODULUS, type KeyedCount } from '../suppression/cell-key';

export interface FlowRow {
  period: string;
  admissions: KeyedCount;
  discharges: KeyedCount;
}

const flowRow = z.object({
  period: pg.isoMonth,
  admissions: pg.int8,
  admissions_key: pg.int,
  discharges: pg.int8,
  discharges_key: pg.int,
});

/**
 * Admissions by admit month and discharges by discharge month of the same selected episodes (months with
 * either only; the service fills the gaps). The filter window selects by admit date, so a discharge month can
 * fall after the window. Each count comes with its cell key (suppression/cell-key.ts).
 */
@Injectable()
export class FlowQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<FlowRow[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      WITH selected AS (
        SELECT f.admit_date, f.discharge_date, f.record_key FROM episode_facts f WHERE ${selection.sql}
      ),
      events AS (
        SELECT date_trunc('month', admit_date) AS month, 1 AS admitted, 0 AS discharged, record_key FROM selected
        UNION ALL
        SELECT date_trunc('month', discharge_date), 0, 1, record_key FROM selected WHERE discharge_date IS NOT NULL
      )
      SELECT to_char(month, 'YYYY-MM') AS period,
             sum(admitted) AS admissions,
             (coalesce(sum(record_key) FILTER (WHERE admitted = 1), 0) % ${CELL_KEY_MODULUS})::int AS admissions_key,
             sum(discharged) AS discharges,
             (coalesce(sum(record_key) FILTER (WHERE discharged = 1), 0) % ${CELL_KEY_MODULUS})::int AS discharges_key
      FROM events
      GROUP BY month
      ORDER BY month
      `;
    return parseRows('FlowQuery', flowRow, await this.dataSource.query(sql, selection.params)).map((row) => ({
      period: row.period,
      admissions: { n: row.admissions, key: row.admissions_key },
      discharges: { n: row.discharges, key: row.discharges_key },
    }));
  }
}
