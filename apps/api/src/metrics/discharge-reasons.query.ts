import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { addKeyed, CELL_KEY_MODULUS, type KeyedCount, NO_RECORDS } from '../suppression/cell-key';

export interface DischargeReasonCounts {
  active: KeyedCount;
  /** Discharged episodes per TEDS-D reason code (codes without an episode absent). */
  byReason: Map<number, KeyedCount>;
}

const reasonRow = z.object({ active: pg.bool, reason: pg.int.nullable(), episodes: pg.int8, cell_key: pg.int });

/** Selected episodes per discharge reason, each with its cell key; the active ones (no reason yet) counted apart. */
@Injectable()
export class DischargeReasonsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<DischargeReasonCounts> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT f.active, f.discharge_reason AS reason, count(*) AS episodes,
             (sum(f.record_key) % ${CELL_KEY_MODULUS})::int AS cell_key
      FROM episode_facts f
      WHERE ${selection.sql}
      GROUP BY 1, 2
      `;
    const rows = parseRows('DischargeReasonsQuery', reasonRow, await this.dataSource.query(sql, selection.params));
    const byReason = new Map<number, KeyedCount>();
    let active = NO_RECORDS;
    for (const row of rows) {
      const counted = { n: row.episodes, key: row.cell_key };
      if (row.active) active = addKeyed(active, counted);
      else if (row.reason !== null) byReason.set(row.reason, counted);
    }
    return { active, byReason };
  }
}
