import type { EpisodeFilters, FunnelDimension, FunnelMetric, FunnelResponse } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { funnelOf } from './funnel';
import { MetricsService } from './metrics.service';

/**
 * Funnel plots (docs/METRICS.md "Funnel plots"). Built on the summary and the breakdown as the caller receives
 * them, so a payer's funnel goes through the same suppression and perturbation, and their caches serve it.
 */
@Injectable()
export class FunnelService {
  constructor(private readonly metrics: MetricsService) {}

  async funnel(
    scope: AccessScope,
    filters: EpisodeFilters,
    metric: FunnelMetric,
    by: FunnelDimension,
  ): Promise<FunnelResponse> {
    const [summary, breakdown] = await Promise.all([
      this.metrics.summary(scope, filters),
      this.metrics.breakdown(scope, filters, metric, by),
    ]);
    return funnelOf(breakdown.asOf, metric, by, summary[metric], breakdown.groups);
  }
}
