import {
  type EpisodeFilters,
  type FunnelAdjustment,
  type FunnelDimension,
  type FunnelMetric,
  type FunnelResponse,
  isSuppressed,
} from '@iop/contracts';
import { NotEstimableError, type NotEstimableReason } from '@iop/stats';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ResultCache } from '../common/result-cache';
import { funnelOf } from './funnel';
import {
  adjustedModel,
  adjustedRateOf,
  type CaseMixFit,
  type CaseMixMetric,
  fitCaseMix,
  isCaseMixMetric,
  unadjustedModel,
} from './funnel-casemix';
import { FunnelCaseMixQuery } from './funnel-casemix.query';
import { MetricsService } from './metrics.service';

/** A fitted case-mix model, or why the selection cannot support one (remembered like a fit: it is as costly). */
type CaseMixOutcome = { fit: CaseMixFit } | { notEstimable: NotEstimableReason };

/**
 * Funnel plots (docs/METRICS.md "Funnel plots"). Built on the summary and the breakdown as the caller receives
 * them, so a payer's funnel goes through the same suppression and perturbation, and their caches serve it.
 */
@Injectable()
export class FunnelService {
  constructor(
    private readonly metrics: MetricsService,
    private readonly caseMixQuery: FunnelCaseMixQuery,
    private readonly cache: ResultCache,
  ) {}

  async funnel(
    scope: AccessScope,
    filters: EpisodeFilters,
    metric: FunnelMetric,
    by: FunnelDimension,
    adjust: FunnelAdjustment = 'none',
  ): Promise<FunnelResponse> {
    const [summary, breakdown] = await Promise.all([
      this.metrics.summary(scope, filters),
      this.metrics.breakdown(scope, filters, metric, by),
    ]);
    const funnel = funnelOf(breakdown.asOf, metric, by, summary[metric], breakdown.groups);
    return adjust === 'casemix' ? this.adjusted(scope, filters, funnel) : funnel;
  }

  /**
   * The funnel with each shown unit's indirectly standardised rate (docs/METRICS.md "Case-mix adjustment").
   * Withheld units stay withheld: they get no adjusted figure, and the model is fitted but never shown per unit.
   */
  private async adjusted(scope: AccessScope, filters: EpisodeFilters, funnel: FunnelResponse): Promise<FunnelResponse> {
    const { metric, by, network } = funnel;
    const unadjusted = (caseMix: FunnelResponse['caseMix']): FunnelResponse => ({
      ...funnel,
      units: funnel.units.map((unit) => ({ ...unit, adjusted: null })),
      caseMix,
    });
    if (!isCaseMixMetric(metric)) return unadjusted(unadjustedModel(metric, by, 'not-offered'));
    if (isSuppressed(network) || network.rate === null || network.denominator === 0) {
      return unadjusted(unadjustedModel(metric, by, 'network-withheld'));
    }
    const outcome = await this.cache.get(scope, filters, `funnel-casemix ${metric} ${by}`, () =>
      this.fit(scope, filters, metric, by),
    );
    if ('notEstimable' in outcome) {
      return unadjusted(unadjustedModel(metric, by, 'not-estimable', outcome.notEstimable));
    }
    const { fit } = outcome;
    const target = network.rate;
    // A payer sees the network's denominator as the summary shows it (perturbed), never the exact count.
    const episodesShown = scope.smallCells === 'suppress' ? network.denominator : fit.episodes;
    return {
      ...funnel,
      units: funnel.units.map((unit) => {
        const expectedRate = fit.expectedRates.get(unit.key);
        return { ...unit, adjusted: expectedRate === undefined ? null : adjustedRateOf(unit, target, expectedRate) };
      }),
      caseMix: adjustedModel(metric, fit, episodesShown),
    };
  }

  private async fit(
    scope: AccessScope,
    filters: EpisodeFilters,
    metric: CaseMixMetric,
    by: FunnelDimension,
  ): Promise<CaseMixOutcome> {
    const rows = await this.caseMixQuery.run(scope, filters, metric, by);
    try {
      return { fit: fitCaseMix(rows, by) };
    } catch (error) {
      // Only data that cannot support the model is "not available"; anything else is a bug and a 500.
      if (error instanceof NotEstimableError) return { notEstimable: error.reason };
      throw error;
    }
  }
}
