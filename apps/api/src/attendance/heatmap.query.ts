import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

export interface HeatmapRow {
  /** ISO weekday, 1 = Monday. */
  isoWeekday: number;
  dayPart: 'morning' | 'afternoon' | 'evening';
  attended: number;
  counted: number;
}

const heatmapRow = z.object({
  iso_weekday: pg.int,
  day_part: z.enum(['morning', 'afternoon', 'evening']),
  attended: pg.int8,
  counted: pg.int8,
});

/**
 * Appointment outcomes of the selected episodes per local weekday x part of day, from the per-episode counts
 * of episode_weekday_attendance (migration 1764500000000: the attendance rate's three statuses, local time in
 * the program's zone, up to the episode's last day). episode_appointment_counts cannot serve: it folds
 * Saturday and Sunday into one `weekend` slot.
 */
@Injectable()
export class HeatmapQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<HeatmapRow[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT w.iso_weekday, w.day_part, sum(w.attended) AS attended, sum(w.counted) AS counted
      FROM episode_facts f
      JOIN episode_weekday_attendance w ON w.episode_id = f.episode_id
      WHERE ${selection.sql}
      GROUP BY 1, 2
      `;
    const rows = parseRows('HeatmapQuery', heatmapRow, await this.dataSource.query(sql, selection.params));
    return rows.map((row) => ({
      isoWeekday: row.iso_weekday,
      dayPart: row.day_part,
      attended: row.attended,
      counted: row.counted,
    }));
  }
}
