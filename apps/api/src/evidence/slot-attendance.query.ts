import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

/** Appointments of one employment group in one time slot: attended over attended, no-show and patient-cancelled. */
export interface SlotAttendanceCell {
  employment: 'employed_or_student' | 'other';
  slot: string;
  attended: number;
  denominator: number;
}

const slotAttendanceRow = z.object({
  employment: z.enum(['employed_or_student', 'other']),
  slot: pg.text,
  attended: pg.int8,
  denominator: pg.int8,
});

/**
 * Claim 5's heatmap: attendance per local time slot (METRICS.md slots) and employment group, from the
 * per-episode appointment counts, so that no appointment row is read per request.
 */
@Injectable()
export class SlotAttendanceQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SlotAttendanceCell[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT CASE WHEN f.employment IN ('employed', 'student') THEN 'employed_or_student' ELSE 'other' END AS employment,
             c.slot,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'attended'), 0) AS attended,
             sum(c.appointments) AS denominator
      FROM episode_facts f
      JOIN episode_appointment_counts c
        ON c.episode_id = f.episode_id AND c.status IN ('attended', 'no_show', 'cancelled_patient')
      WHERE ${selection.sql}
      GROUP BY 1, 2
      `;
    return parseRows('SlotAttendanceQuery', slotAttendanceRow, await this.dataSource.query(sql, selection.params));
  }
}
