import { APPOINTMENT_STATUSES, type AppointmentStatus, type EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

export type StatusCounts = Record<AppointmentStatus, number>;

export interface SessionTypeStatusRow {
  sessionType: string;
  counts: StatusCounts;
}

const statusRow = z.object({ session_type: pg.text, status: z.enum(APPOINTMENT_STATUSES), appointments: pg.int8 });

/**
 * Appointments of the selected episodes per session type and status, every status included, from the
 * per-episode counts of episode_appointment_counts (up to each episode's last day, as the breakdowns count).
 */
@Injectable()
export class NoShowsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SessionTypeStatusRow[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT c.session_type, c.status, sum(c.appointments) AS appointments
      FROM episode_facts f
      JOIN episode_appointment_counts c ON c.episode_id = f.episode_id
      WHERE ${selection.sql}
      GROUP BY 1, 2
      `;
    const rows = parseRows('NoShowsQuery', statusRow, await this.dataSource.query(sql, selection.params));
    const bySessionType = new Map<string, StatusCounts>();
    for (const row of rows) {
      const counts =
        bySessionType.get(row.session_type) ??
        (Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, 0])) as StatusCounts);
      counts[row.status] = row.appointments;
      bySessionType.set(row.session_type, counts);
    }
    return [...bySessionType].map(([sessionType, counts]) => ({ sessionType, counts }));
  }
}
