import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import {
  episodeAggregatesFor,
  type KeyedEpisodeAggregates,
  keyedEpisodeAggregatesSchema,
} from '../episodes/episode-aggregates.sql';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { CELL_KEY_MODULUS, type KeyedCount } from '../suppression/cell-key';

export type EpisodeDimension = 'program' | 'levelOfCare' | 'payer' | 'substance' | 'ageBand' | 'counselor';
export type AppointmentDimension = 'sessionType' | 'slot';

/** Group key and label of each episode dimension, over `f` with the program `p` and counselor `s` joined. */
export const EPISODE_GROUPS: Record<EpisodeDimension, { key: string; label: string; order: string }> = {
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
  attended: KeyedCount;
  no_show: KeyedCount;
  counted: KeyedCount;
}

const episodeGroupRow = keyedEpisodeAggregatesSchema.extend({ key: pg.text, label: pg.text });
/** Sums of the int4 appointment counts (int8), each with its cell key. */
const appointmentGroupRow = z.object({
  key: pg.text,
  attended: pg.int8,
  attended_key: pg.int,
  no_show: pg.int8,
  no_show_key: pg.int,
  counted: pg.int8,
  counted_key: pg.int,
});

/** Appointments of a status (or of the three counted ones), with their cell key: each counts its episode's key. */
const appointmentsCounted = (name: string, where?: string) => {
  const filter = where ? ` FILTER (WHERE ${where})` : '';
  return `coalesce(sum(c.appointments)${filter}, 0) AS ${name},
             (coalesce(sum(f.record_key::bigint * c.appointments)${filter}, 0) % ${CELL_KEY_MODULUS})::int AS ${name}_key`;
};

/** Episode aggregates per group of an episode attribute; appointment outcomes per session type or slot. */
@Injectable()
export class BreakdownQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byEpisode(
    scope: AccessScope,
    filters: EpisodeFilters,
    by: EpisodeDimension,
  ): Promise<Array<KeyedEpisodeAggregates & { key: string; label: string }>> {
    const selection = episodeSelection(scope, filters);
    const group = EPISODE_GROUPS[by];
    const sql = `
      SELECT ${group.key} AS key, min(${group.label}) AS label, ${episodeAggregatesFor(scope)}
      FROM episode_facts f
      JOIN programs p ON p.id = f.program_id
      LEFT JOIN staff s ON s.id = f.primary_counselor_id
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
             ${appointmentsCounted('attended', "c.status = 'attended'")},
             ${appointmentsCounted('no_show', "c.status = 'no_show'")},
             ${appointmentsCounted('counted')}
      FROM episode_facts f
      JOIN episode_appointment_counts c
        ON c.episode_id = f.episode_id AND c.status IN ('attended', 'no_show', 'cancelled_patient')
      WHERE ${selection.sql}
      GROUP BY 1
      ORDER BY 1
      `;
    const rows = parseRows(
      'BreakdownQuery.byAppointment',
      appointmentGroupRow,
      await this.dataSource.query(sql, selection.params),
    );
    return rows.map((row) => ({
      key: row.key,
      attended: { n: row.attended, key: row.attended_key },
      no_show: { n: row.no_show, key: row.no_show_key },
      counted: { n: row.counted, key: row.counted_key },
    }));
  }
}
