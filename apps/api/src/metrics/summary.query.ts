import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import {
  episodeAggregatesFor,
  type KeyedEpisodeAggregates,
  keyedEpisodeAggregatesSchema,
} from '../episodes/episode-aggregates.sql';
import { episodeSelection } from '../episodes/episode-selection.sql';

export interface SummaryRow {
  asOf: string | null;
  aggregates: KeyedEpisodeAggregates;
}

const summaryRow = keyedEpisodeAggregatesSchema.extend({ as_of: pg.isoDate.nullable() });

/** Every headline aggregate of the selected episodes, from episode facts in one round trip. */
@Injectable()
export class SummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryRow> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD') AS as_of, ${episodeAggregatesFor(scope)}
      FROM episode_facts f
      WHERE ${selection.sql}
      `;
    const { as_of: asOf, ...aggregates } = parseOneRow(
      'SummaryQuery',
      summaryRow,
      await this.dataSource.query(sql, selection.params),
    );
    return { asOf, aggregates };
  }
}
