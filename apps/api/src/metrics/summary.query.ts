import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { type AggregateRow, EPISODE_AGGREGATES_SQL, READMISSION_LATERAL_SQL } from './episode-aggregates.sql';
import { episodeSelection } from './episode-selection.sql';

export interface SummaryRow {
  asOf: string | null;
  aggregates: AggregateRow;
}

/** Every headline aggregate of the selected episodes, from episode facts in one round trip. */
@Injectable()
export class SummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryRow> {
    const selection = episodeSelection(scope, filters);
    const rows: Array<AggregateRow & { as_of: string | null }> = await this.dataSource.query(
      `
      SELECT to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD') AS as_of, ${EPISODE_AGGREGATES_SQL}
      FROM episode_facts f
      ${READMISSION_LATERAL_SQL}
      WHERE ${selection.sql}
      `,
      selection.params,
    );
    const { as_of: asOf, ...aggregates } = rows[0];
    return { asOf, aggregates };
  }
}
