import type { RateOrSuppressed } from './rates';

/** Base path of the versioned API, shared by the API's global prefix and the dashboard's client. */
export const API_BASE_PATH = '/api/v1';

/**
 * GET /api/v1/metrics/summary: the headline numbers of the selected episodes. The metrics issue adds
 * the remaining fields of METRICS.md; the ones here are those the overview shows from the start.
 */
export interface SummaryResponse {
  /** The data's end date (ISO date): every number is computed as of this day, never the wall clock; null before any data is loaded. */
  asOf: string | null;
  /** Episodes admitted in the filter window. */
  episodes: number;
  /** Of those, episodes with no discharge at the as-of date. */
  activeEpisodes: number;
  /** attended / (attended + no_show + cancelled_patient), over the episodes' appointments. */
  attendanceRate: RateOrSuppressed;
}
