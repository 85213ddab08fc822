import { DAY_PARTS } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import type { EpisodeAtRevision } from '../episodes/episode-revision-store';

/** The cells of an episode's weekday attendance: one per ISO weekday and part of the day (7 x 3). */
export const WEEKDAY_CELLS = 7 * DAY_PARTS.length;

/** The cell of an ISO weekday (1 = Monday) and a part of the day, by its index in DAY_PARTS. */
export const weekdayCellOf = (isoWeekday: number, dayPart: number): number =>
  (isoWeekday - 1) * DAY_PARTS.length + dayPart;

/** Triples of a cell (weekdayCellOf), its attended and its counted appointments, flattened. */
export type EpisodeWeekdayAttendance = number[];

const weekdayRow = z.object({ episode_id: pg.int, revision: pg.int8, cells: pg.text });

/**
 * The given episodes' appointments per local weekday and part of the day (episode_weekday_attendance: the
 * attendance rate's three statuses, in the program's zone, up to the episode's last day), one row per episode with
 * the cells as one text of "cell:attended:counted" triples, and the revision of the facts row they were read with
 * (the facts refresh rewrites both together).
 */
@Injectable()
export class WeekdayAttendanceQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(episodeIds: readonly number[]): Promise<EpisodeAtRevision<EpisodeWeekdayAttendance>[]> {
    const sql = `
      SELECT f.episode_id, f.revision,
        coalesce((
          SELECT string_agg(
            ((w.iso_weekday - 1) * $3 + array_position($2::text[], w.day_part) - 1) || ':' || w.attended || ':' ||
              w.counted, ',')
          FROM episode_weekday_attendance w WHERE w.episode_id = f.episode_id
        ), '') AS cells
      FROM episode_facts f
      WHERE f.episode_id = ANY($1::int[])
      `;
    const rows = parseLargeRows(
      'WeekdayAttendanceQuery',
      weekdayRow,
      await this.dataSource.query(sql, [episodeIds, DAY_PARTS, DAY_PARTS.length]),
    );
    return rows.map((row) => ({
      episodeId: row.episode_id,
      revision: row.revision,
      row: row.cells === '' ? [] : row.cells.split(/[,:]/).map(Number),
    }));
  }
}
