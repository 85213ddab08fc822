import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from './episode-selection.sql';

export interface DischargeReasonCounts {
  active: number;
  /** Discharged episodes per TEDS-D reason code (codes without an episode absent). */
  byReason: Map<number, number>;
}

/** Selected episodes per discharge reason; the active ones (no reason yet) counted apart. */
@Injectable()
export class DischargeReasonsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<DischargeReasonCounts> {
    const selection = episodeSelection(scope, filters);
    const rows: Array<{ active: boolean; reason: number | null; episodes: string }> = await this.dataSource.query(
      `
      SELECT f.active, f.discharge_reason AS reason, count(*) AS episodes
      FROM episode_facts f
      WHERE ${selection.sql}
      GROUP BY 1, 2
      `,
      selection.params,
    );
    const byReason = new Map<number, number>();
    let active = 0;
    for (const row of rows) {
      if (row.active) active += Number(row.episodes);
      else if (row.reason !== null) byReason.set(Number(row.reason), Number(row.episodes));
    }
    return { active, byReason };
  }
}
