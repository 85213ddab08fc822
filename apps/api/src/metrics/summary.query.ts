import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from './episode-selection.sql';

export interface SummaryCounts {
  asOf: string | null;
  episodes: number;
  activeEpisodes: number;
  attended: number;
  attendanceDenominator: number;
}

/** The headline counts of the selected episodes, in one round trip. */
@Injectable()
export class SummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryCounts> {
    const selection = episodeSelection(scope, filters);
    // Attendance rate = attended / (attended + no_show + cancelled_patient): programme cancellations
    // and still-scheduled appointments say nothing about the patient (METRICS.md).
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `
      WITH selected AS (
        SELECT e.id, e.discharge_date
        FROM episodes e
        JOIN patients p ON p.id = e.patient_id
        WHERE ${selection.sql}
      ),
      attendance AS (
        SELECT count(*) FILTER (WHERE a.status = 'attended') AS attended,
               count(*) FILTER (WHERE a.status IN ('attended', 'no_show', 'cancelled_patient')) AS counted
        FROM appointments a
        JOIN selected s ON s.id = a.episode_id
      )
      SELECT to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD') AS as_of,
             (SELECT count(*) FROM selected) AS episodes,
             (SELECT count(*) FROM selected WHERE discharge_date IS NULL) AS active,
             attendance.attended,
             attendance.counted
      FROM attendance
      `,
      selection.params,
    );
    const row = rows[0];
    return {
      asOf: row['as_of'],
      episodes: Number(row['episodes']),
      activeEpisodes: Number(row['active']),
      attended: Number(row['attended']),
      attendanceDenominator: Number(row['counted']),
    };
  }
}
