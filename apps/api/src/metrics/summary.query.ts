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

/** The headline counts of the selected episodes, aggregated from episode facts in one round trip. */
@Injectable()
export class SummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryCounts> {
    const selection = episodeSelection(scope, filters);
    // Attendance rate = attended / (attended + no_show + cancelled_patient): programme cancellations
    // and still-scheduled appointments say nothing about the patient (METRICS.md; episode_facts holds both).
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `
      SELECT to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD') AS as_of,
             count(*) AS episodes,
             count(*) FILTER (WHERE f.active) AS active,
             coalesce(sum(f.attendance_numerator), 0) AS attended,
             coalesce(sum(f.attendance_denominator), 0) AS counted
      FROM episode_facts f
      WHERE ${selection.sql}
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
