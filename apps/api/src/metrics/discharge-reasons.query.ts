import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

export interface DischargeReasonCounts {
  active: number;
  /** Discharged episodes per TEDS-D reason code (codes without an episode absent). */
  byReason: Map<number, number>;
}

const reasonRow = z.object({ active: pg.bool, reason: pg.int.nullable(), episodes: pg.int8 });

/** Selected episodes per discharge reason; the active ones (no reason yet) counted apart. */
@Injectable()
export class DischargeReasonsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<DischargeReasonCounts> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT f.active, f.discharge_reason AS reason, count(*) AS episodes
      FROM episode_facts f
      WHERE ${selection.sql}
      GROUP BY 1, 2
      `;
    const rows = parseRows('DischargeReasonsQuery', reasonRow, await this.dataSource.query(sql, selection.params));
    const byReason = new Map<number, number>();
    let active = 0;
    for (const row of rows) {
      if (row.active) active += row.episodes;
      else if (row.reason !== null) byReason.set(row.reason, row.episodes);
    }
    return { active, byReason };
  }
}
