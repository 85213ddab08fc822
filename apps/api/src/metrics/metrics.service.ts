import type { EpisodeFilters, SummaryResponse } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { toRate } from './rate';
import { SummaryQuery } from './summary.query';

@Injectable()
export class MetricsService {
  constructor(private readonly summaryQuery: SummaryQuery) {}

  /** Episodes, active census and attendance rate of the selected episodes. */
  async summary(scope: AccessScope, filters: EpisodeFilters): Promise<SummaryResponse> {
    const counts = await this.summaryQuery.run(scope, filters);
    return {
      asOf: counts.asOf,
      episodes: counts.episodes,
      activeEpisodes: counts.activeEpisodes,
      attendanceRate: toRate(counts.attended, counts.attendanceDenominator),
    };
  }
}
