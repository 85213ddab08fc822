import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { type AggregateRow, EPISODE_AGGREGATES_SQL, READMISSION_LATERAL_SQL } from './episode-aggregates.sql';
import { episodeSelection } from './episode-selection.sql';

/** The episode aggregates of the selected episodes per month of admission (months with episodes only). */
@Injectable()
export class TrendQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<Array<AggregateRow & { period: string }>> {
    const selection = episodeSelection(scope, filters);
    return this.dataSource.query(
      `
      SELECT to_char(date_trunc('month', f.admit_date), 'YYYY-MM') AS period, ${EPISODE_AGGREGATES_SQL}
      FROM episode_facts f
      ${READMISSION_LATERAL_SQL}
      WHERE ${selection.sql}
      GROUP BY 1
      ORDER BY 1
      `,
      selection.params,
    );
  }
}
