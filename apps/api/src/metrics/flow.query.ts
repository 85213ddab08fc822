import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from './episode-selection.sql';

export interface FlowRow {
  period: string;
  admissions: number;
  discharges: number;
}

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
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `
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
      `,
      selection.params,
    );
    return rows.map((row) => ({
      period: row['period'],
      admissions: Number(row['admissions']),
      discharges: Number(row['discharges']),
    }));
  }
}
