import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import {
  EPISODE_AGGREGATES_SQL,
  type EpisodeAggregates,
  episodeAggregatesSchema,
  READMISSION_LATERAL_SQL,
} from '../episodes/episode-aggregates.sql';
import { episodeSelection } from '../episodes/episode-selection.sql';

export type EpisodeDimension = 'program' | 'levelOfCare' | 'payer' | 'substance' | 'ageBand' | 'counselor';
export type AppointmentDimension = 'sessionType' | 'slot';

/** Group key and label of each episode dimension, over `f` with the program `p` and counselor `s` joined. */
const EPISODE_GROUPS: Record<EpisodeDimension, { key: string; label: string; order: string }> = {
  program: { key: 'f.program_id::text', label: 'p.name', order: 'f.program_id' },
  levelOfCare: { key: 'f.level_of_care', label: "'Level ' || f.level_of_care", order: 'f.level_of_care' },
  payer: { key: 'f.payer', label: 'f.payer', order: 'f.payer' },
  substance: { key: 'f.primary_substance', label: 'f.primary_substance', order: 'f.primary_substance' },
  ageBand: { key: 'f.age_band', label: 'f.age_band', order: 'f.age_band' },
  counselor: {
    key: "coalesce(f.primary_counselor_id::text, 'none')",
    label: "coalesce(s.display_name, 'No primary counselor')",
    order: 'f.primary_counselor_id',
  },
};

/**
 * Group key of each appointment dimension over the episode_appointment_counts view aliased `c` (the slot,
 * METRICS.md in the program's time zone, is computed there by the episode-facts migration).
 */
const APPOINTMENT_GROUPS: Record<AppointmentDimension, string> = {
  sessionType: 'c.session_type',
  slot: 'c.slot',
};

export interface AppointmentGroupRow {
  key: string;
  attended: number;
  no_show: number;
  counted: number;
}

const episodeGroupRow = episodeAggregatesSchema.extend({ key: pg.text, label: pg.text });
/** Sums of the int4 appointment counts (int8); counted is never null: a group exists only with appointments. */
const appointmentGroupRow = z.object({ key: pg.text, attended: pg.int8, no_show: pg.int8, counted: pg.int8 });

/** Episode aggregates per group of an episode attribute; appointment outcomes per session type or slot. */
@Injectable()
export class BreakdownQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byEpisode(
    scope: AccessScope,
    filters: EpisodeFilters,
    by: EpisodeDimension,
  ): Promise<Array<EpisodeAggregates & { key: string; label: string }>> {
    const selection = episodeSelection(scope, filters);
    const group = EPISODE_GROUPS[by];
    const sql = `
      SELECT ${group.key} AS key, min(${group.label}) AS label, ${EPISODE_AGGREGATES_SQL}
      FROM episode_facts f
      JOIN programs p ON p.id = f.program_id
      LEFT JOIN staff s ON s.id = f.primary_counselor_id
      ${READMISSION_LATERAL_SQL}
      WHERE ${selection.sql}
      GROUP BY ${group.key}, ${group.order}
      ORDER BY ${group.order} NULLS LAST
      `;
    return parseRows('BreakdownQuery.byEpisode', episodeGroupRow, await this.dataSource.query(sql, selection.params));
  }

  /**
   * Appointment outcomes of the selected episodes by an appointment attribute, from the per-episode counts of
   * episode_appointment_counts (appointments up to the episode's last day, as in episode_facts); the
   * denominator is attended + no_show + cancelled_patient, so that attendance rate and no-show rate here add up
   * to their episode-level totals.
   */
  async byAppointment(
    scope: AccessScope,
    filters: EpisodeFilters,
    by: AppointmentDimension,
  ): Promise<AppointmentGroupRow[]> {
    const selection = episodeSelection(scope, filters);
    const key = APPOINTMENT_GROUPS[by];
    const sql = `
      SELECT ${key} AS key,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'attended'), 0) AS attended,
             coalesce(sum(c.appointments) FILTER (WHERE c.status = 'no_show'), 0) AS no_show,
             sum(c.appointments) AS counted
      FROM episode_facts f
      JOIN episode_appointment_counts c
        ON c.episode_id = f.episode_id AND c.status IN ('attended', 'no_show', 'cancelled_patient')
      WHERE ${selection.sql}
      GROUP BY 1
      ORDER BY 1
      `;
    return parseRows(
      'BreakdownQuery.byAppointment',
      appointmentGroupRow,
      await this.dataSource.query(sql, selection.params),
    );
  }
}
