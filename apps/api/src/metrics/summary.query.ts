import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import type { KeyedEpisodeAggregates } from '../episodes/episode-aggregates.sql';
import { EpisodeAggregateStore } from '../episodes/episode-aggregate-store';
import { aggregateSelected } from '../episodes/stored-aggregates';

export interface SummaryRow {
  asOf: string | null;
  aggregates: KeyedEpisodeAggregates;
}

const asOfRow = z.object({ as_of: pg.isoDate.nullable() });

/**
 * Every headline aggregate of the selected episodes (EPISODE_AGGREGATES_SQL, with the cell keys for a payer),
 * computed over the episodes kept in memory (EpisodeAggregateStore), and the data's as-of date.
 */
@Injectable()
export class SummaryQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EpisodeAggregateStore,
  ) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryRow> {
    const [{ as_of: asOf }, selected] = await Promise.all([
      this.dataSource
        .query(`SELECT to_char(max(as_of), 'YYYY-MM-DD') AS as_of FROM dataset_meta`)
        .then((rows: unknown) => parseOneRow('SummaryQuery', asOfRow, rows)),
      this.store.select(scope, filters),
    ]);
    return { asOf, aggregates: aggregateSelected(selected, scope.smallCells === 'suppress') };
  }
}
