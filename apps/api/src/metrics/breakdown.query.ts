import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import {
  episodeAggregatesFor,
  type KeyedEpisodeAggregates,
  keyedEpisodeAggregatesSchema,
} from '../episodes/episode-aggregates.sql';
import { episodeSelection } from '../episodes/episode-selection.sql';

export type EpisodeDimension = 'program' | 'levelOfCare' | 'payer' | 'substance' | 'ageBand' | 'counselor';

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

const episodeGroupRow = keyedEpisodeAggregatesSchema.extend({ key: pg.text, label: pg.text });

/** Episode aggregates per group of an episode attribute (appointment outcomes: AppointmentCountStore). */
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
}
