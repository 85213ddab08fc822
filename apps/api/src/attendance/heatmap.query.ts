import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from '../metrics/episode-selection.sql';

export interface HeatmapRow {
  /** ISO weekday, 1 = Monday. */
  isoWeekday: number;
  dayPart: 'morning' | 'afternoon' | 'evening';
  attended: number;
  counted: number;
}

/**
 * Appointment outcomes of the selected episodes per local weekday x part of day. episode_appointment_counts
 * folds Saturday and Sunday into one `weekend` slot, so this reads the appointments themselves, reaching them
 * through appointments_episode_start_idx from the selected episodes only. The rules are episode_facts': up to
 * the episode's last day, local time in the program's zone, the attendance rate's three statuses.
 */
@Injectable()
export class HeatmapQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<HeatmapRow[]> {
    const selection = episodeSelection(scope, filters);
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `
      SELECT extract(isodow FROM local.start)::integer AS iso_weekday,
             CASE
               WHEN extract(hour FROM local.start) < 12 THEN 'morning'
               WHEN extract(hour FROM local.start) < 17 THEN 'afternoon'
               ELSE 'evening'
             END AS day_part,
             count(*) FILTER (WHERE a.status = 'attended') AS attended,
             count(*) AS counted
      FROM episode_facts f
      JOIN programs p ON p.id = f.program_id
      JOIN appointments a ON a.episode_id = f.episode_id
      CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local
      WHERE ${selection.sql}
        AND a.status IN ('attended', 'no_show', 'cancelled_patient')
        AND local.start::date <= f.last_day
      GROUP BY 1, 2
      `,
      selection.params,
    );
    return rows.map((row) => ({
      isoWeekday: Number(row['iso_weekday']),
      dayPart: row['day_part'] as HeatmapRow['dayPart'],
      attended: Number(row['attended']),
      counted: Number(row['counted']),
    }));
  }
}
