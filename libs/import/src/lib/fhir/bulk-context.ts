import type { Directory } from './directory';
import type { EpisodeIndex } from './episode-index';
import type { FhirReadContext, Tally } from './mapping';

/** What the second-pass mappers read: the first pass's directory, the episodes, the import's defaults. */
export interface BulkContext {
  directory: Directory;
  episodes: EpisodeIndex;
  context: FhirReadContext;
  tally: Tally;
}

/** The time zone of an episode's program (its timezone extension), else the import's default. */
export function timezoneOfEpisode(episodeId: string | undefined, bulk: BulkContext): string {
  const programId = episodeId ? bulk.episodes.get(episodeId)?.programId : undefined;
  return (programId ? bulk.directory.programs.get(programId)?.timezone : undefined) ?? bulk.context.defaultTimezone;
}
