import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

export interface FlowRow {
  period: string;
  admissions: number;
  discharges: number;
}

const flowRow = z.object({ period: pg.isoMonth, admissions: pg.int8, discharges: pg.int8 });

/**
 * Admissions by admit month and discharges by discharge month of the same selected episodes (months with
 * either only; the service fills the gaps). The filter window selects by admit date, so a discharge month can
 * fall after the window.
 */
@Injectable()
export class FlowQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<FlowRow[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      WITH selected AS (
        SELECT f.admit_date, f.discharge_date FROM episode_facts f WHERE ${selection.sql}
      ),
      events AS (
        SELECT date_trunc('month', admit_date) AS month, 1 AS admitted, 0 AS discharged FROM selected
        UNION ALL
        SELECT date_trunc('month', discharge_date), 0, 1 FROM selected WHERE discharge_date IS NOT NULL
      )
      SELECT to_char(month, 'YYYY-MM') AS period, sum(admitted) AS admissions, sum(discharged) AS discharges
      FROM events
      GROUP BY month
      ORDER BY month
      `;
    return parseRows('FlowQuery', flowRow, await this.dataSource.query(sql, selection.params));
  }
}
