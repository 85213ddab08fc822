import { Module } from '@nestjs/common';
import { AsOfQuery } from './as-of.query';

/**
 * The episode selection every domain reads through: the filters (episode-filters.dto.ts), the scope-then-filter
 * WHERE fragment (episode-selection.sql.ts), the shared aggregates (episode-aggregates.sql.ts), rates, month
 * series, and the data's as-of date. The SQL pieces are plain functions; this module provides the one query
 * that is a Nest provider, so that the domains import it instead of each providing its own.
 */
@Module({
  providers: [AsOfQuery],
  exports: [AsOfQuery],
})
export class EpisodesModule {}
