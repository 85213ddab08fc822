import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import type { KeyedEpisodeAggregates } from '../episodes/episode-aggregates.sql';
import { EpisodeAggregateStore } from '../episodes/episode-aggregate-store';
import { aggregateSelectedByGroup } from '../episodes/stored-aggregates';

/**
 * The episode aggregates (EPISODE_AGGREGATES_SQL, with the cell keys for a payer) of the selected episodes per
 * month of admission, months with episodes only, in order; computed over the episodes kept in memory.
 */
@Injectable()
export class TrendQuery {
  constructor(private readonly store: EpisodeAggregateStore) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<Array<KeyedEpisodeAggregates & { period: string }>> {
    const selected = await this.store.select(scope, filters);
    const { codes, values: months } = selected.groups.admitMonth;
    const groups = aggregateSelectedByGroup(selected, { codes, count: months.length }, scope.smallCells === 'suppress');
    return groups
      .flatMap((aggregates, code) => (aggregates ? [{ period: months[code], ...aggregates }] : []))
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }
}
