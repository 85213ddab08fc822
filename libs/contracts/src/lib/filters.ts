import type { LevelOfCare, Payer, Substance } from './domain';

/** Age at admission (admission year minus birth year), banded as the dashboards show it. */
export const AGE_BANDS = ['13-17', '18-25', '26-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The filter every metric endpoint takes (docs/METRICS.md, Conventions), as query parameters; each list parameter may
 * repeat. from/to select episodes by admit date, inclusive.
 */
export interface EpisodeFilters {
  from?: string;
  to?: string;
  programId?: number[];
  levelOfCare?: LevelOfCare[];
  payer?: Payer[];
  substance?: Substance[];
  ageBand?: AgeBand[];
  counselorId?: number[];
}
