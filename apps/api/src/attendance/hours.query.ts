import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

/** The last bin is open: 20 hours a week and more (partial hospitalization's floor). */
export const OPEN_BIN_FROM_HOURS = 20;

export interface HoursRow {
  /** Whole hours per week rounded down, capped at OPEN_BIN_FROM_HOURS. */
  bin: number;
  episodes: number;
  under18: number;
  meetsIntensity: number;
}

/** The bin is int8 (bigint arithmetic), the counts int8. */
const hoursRow = z.object({ bin: pg.int8, episodes: pg.int8, under18: pg.int8, meets_intensity: pg.int8 });

/**
 * Selected episodes per 1-hour bin of attended hours per week. The bin is taken in integer arithmetic,
 * floor(minutes * 7 / (60 * length of stay)), so an episode at exactly 9 hours lands in bin 9 as it meets the
 * 9-hour floor (the double-precision hours column could read 8.999...). Intensity is episode_facts'
 * meets_iop_intensity, the summary's.
 */
@Injectable()
export class HoursQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<HoursRow[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT least((f.attended_minutes::bigint * 7) / (60 * f.length_of_stay_days), ${OPEN_BIN_FROM_HOURS}) AS bin,
             count(*) AS episodes,
             count(*) FILTER (WHERE f.age_at_admission < 18) AS under18,
             count(*) FILTER (WHERE f.meets_iop_intensity) AS meets_intensity
      FROM episode_facts f
      WHERE ${selection.sql}
      GROUP BY 1
      `;
    const rows = parseRows('HoursQuery', hoursRow, await this.dataSource.query(sql, selection.params));
    return rows.map((row) => ({
      bin: row.bin,
      episodes: row.episodes,
      under18: row.under18,
      meetsIntensity: row.meets_intensity,
    }));
  }
}
