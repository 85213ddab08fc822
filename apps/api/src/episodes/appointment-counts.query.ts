import { APPOINTMENT_STATUSES, SESSION_TYPES, SLOTS } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import type { EpisodeAtRevision } from './episode-revision-store';

/** The cells of an episode's appointment counts: one per slot, session type and status (4 x 5 x 5). */
export const CELLS_PER_EPISODE = SLOTS.length * SESSION_TYPES.length * APPOINTMENT_STATUSES.length;

/** The cell of a slot, session type and status, by their indexes in SLOTS, SESSION_TYPES, APPOINTMENT_STATUSES. */
export const cellOf = (slot: number, sessionType: number, status: number): number =>
  (slot * SESSION_TYPES.length + sessionType) * APPOINTMENT_STATUSES.length + status;

/** One episode's appointment counts as the store keeps them. */
export interface EpisodeAppointmentCounts {
  recordKey: number;
  /** Employed or a student (claim 5 compares them with everyone else). */
  employedOrStudent: boolean;
  /** Pairs of a cell (cellOf) and its appointments, flattened. */
  cells: number[];
}

const countsRow = z.object({
  episode_id: pg.int,
  revision: pg.int8,
  record_key: pg.int,
  employed_or_student: pg.bool,
  cells: pg.text,
});

/**
 * The given episodes' appointment counts per slot, session type and status (episode_appointment_counts: up to
 * each episode's last day), one row per episode with the cells as one text of "cell:appointments" pairs, and the
 * revision of the facts row they were read with (the facts refresh rewrites both together).
 */
@Injectable()
export class AppointmentCountsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(episodeIds: readonly number[]): Promise<EpisodeAtRevision<EpisodeAppointmentCounts>[]> {
    const sql = `
      SELECT f.episode_id, f.revision, f.record_key,
        coalesce(f.employment IN ('employed', 'student'), false) AS employed_or_student,
        coalesce((
          SELECT string_agg(
            (((array_position($2::text[], c.slot) - 1) * $5 + array_position($3::text[], c.session_type) - 1) * $6
              + array_position($4::text[], c.status) - 1) || ':' || c.appointments, ',')
          FROM episode_appointment_counts c WHERE c.episode_id = f.episode_id
        ), '') AS cells
      FROM episode_facts f
      WHERE f.episode_id = ANY($1::int[])
      `;
    const rows = parseLargeRows(
      'AppointmentCountsQuery',
      countsRow,
      await this.dataSource.query(sql, [
        episodeIds,
        SLOTS,
        SESSION_TYPES,
        APPOINTMENT_STATUSES,
        SESSION_TYPES.length,
        APPOINTMENT_STATUSES.length,
      ]),
    );
    return rows.map((row) => ({
      episodeId: row.episode_id,
      revision: row.revision,
      row: {
        recordKey: row.record_key,
        employedOrStudent: row.employed_or_student,
        cells: row.cells === '' ? [] : row.cells.split(/[,:]/).map(Number),
      },
    }));
  }
}
