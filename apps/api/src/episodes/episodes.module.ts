import { Module } from '@nestjs/common';
import { AsOfQuery } from './as-of.query';
import { AppointmentCountStore } from './appointment-count-store';
import { AppointmentCountsQuery } from './appointment-counts.query';
import { AggregatedEpisodesQuery } from './aggregated-episodes.query';
import { EpisodeAggregateStore } from './episode-aggregate-store';
import { EpisodeRevisionsQuery } from './episode-revisions.query';

/**
 * The episode selection every domain reads through: the filters (episode-filters.dto.ts), the scope-then-filter
 * WHERE fragment (episode-selection.sql.ts), the shared aggregates (episode-aggregates.sql.ts), rates, month
 * series, the data's as-of date, the selected episodes' revisions, and the appointment counts and the aggregates'
 * facts kept in memory. The SQL pieces are plain functions; this module provides the queries that are Nest
 * providers, so that the domains share them instead of each providing its own (the revisions query shares one read
 * between concurrent requests for the same selection).
 */
@Module({
  providers: [
    AsOfQuery,
    EpisodeRevisionsQuery,
    AppointmentCountsQuery,
    AppointmentCountStore,
    AggregatedEpisodesQuery,
    EpisodeAggregateStore,
  ],
  exports: [AsOfQuery, EpisodeRevisionsQuery, AppointmentCountStore, EpisodeAggregateStore],
})
export class EpisodesModule {}
