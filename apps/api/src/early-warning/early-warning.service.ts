import type { EarlyWarningDirection, EarlyWarningResponse, EarlyWarningSort, EpisodeFilters } from '@iop/contracts';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { format, parseISO, subDays } from 'date-fns';
import { type AccessScope, UNRESTRICTED_SCOPE } from '../access/access-scope';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { ResultCache } from '../common/result-cache';
import { AsOfQuery } from '../episodes/as-of.query';
import { ActiveEpisodesQuery } from './active-episodes.query';
import { EarlyWarningFeaturesQuery, HORIZON_DAYS, VALIDATION_DAYS } from './early-warning-features.query';
import { listRow, sortRows } from './early-warning-list';
import { trainAndValidate, type TrainedEarlyWarning } from './early-warning-training';
import { EarlyWarningWorkers } from './early-warning-workers';

/** The C-statistic's lower 95% bound the model must reach before the list is ranked by it. */
export const USABLE_LOWER_BOUND = 0.6;

export interface EarlyWarningOrder {
  sort?: EarlyWarningSort;
  direction?: EarlyWarningDirection;
}

/** The early-warning list and its validation (docs/METRICS.md "Early warning"). */
@Injectable()
export class EarlyWarningService implements OnModuleDestroy {
  /** Aborted when the app stops: a fit reading the history then stops between two statements. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly features: EarlyWarningFeaturesQuery,
    private readonly activeEpisodes: ActiveEpisodesQuery,
    private readonly asOfQuery: AsOfQuery,
    private readonly cache: ResultCache,
    private readonly workers: EarlyWarningWorkers,
    private readonly audit: AuditService,
  ) {}

  /** The list as the caller may see it; every call writes one audit event (patient-level rows). */
  async list(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    order: EarlyWarningOrder,
    ip: string | null,
  ): Promise<EarlyWarningResponse> {
    const answer = await this.answer(scope, filters, order);
    await this.audit.record({
      user,
      action: 'early-warning.read',
      resource: 'early-warning',
      filters: { ...filters, ...order },
      rowCount: answer.rows.length,
      ip,
      details: { ranking: answer.ranking },
    });
    return answer;
  }

  /** The answer, unaudited: the caller (the JSON list above, the exports) audits what it hands out. */
  async answer(scope: AccessScope, filters: EpisodeFilters, order: EarlyWarningOrder): Promise<EarlyWarningResponse> {
    // The scored list is remembered per scope, filters and data version (the features of ten thousand active
    // episodes take seconds at the large preset); each call sorts a copy.
    const listed = await this.cache.get(scope, filters, 'early-warning-list', () => this.scoredList(scope, filters));
    return { ...listed, rows: sortRows(listed.rows, order.sort, order.direction) };
  }

  private async scoredList(scope: AccessScope, filters: EpisodeFilters): Promise<EarlyWarningResponse> {
    const [trained, asOf, episodes] = await Promise.all([
      this.trained(),
      this.asOfQuery.run(),
      this.activeEpisodes.run(scope, filters),
    ]);
    const features = asOf
      ? await this.features.asOf(
          asOf,
          episodes.map((episode) => episode.episodeId),
        )
      : [];
    const byEpisode = new Map(features.map((row) => [row.episodeId, row]));
    const { validation, model, summary } = trained;
    const modelUsable =
      model !== null && summary !== null && validation !== null && validation.cStatistic.lower >= USABLE_LOWER_BOUND;
    const scoring = modelUsable ? { model, baseRate: summary.baseRate } : null;
    const rows = episodes.flatMap((episode) => {
      const row = byEpisode.get(episode.episodeId);
      return row ? [listRow(episode, row, scoring)] : [];
    });
    return {
      asOf,
      horizonDays: HORIZON_DAYS,
      modelUsable,
      ranking: modelUsable ? 'model' : 'rules',
      statement: statementOf(trained, modelUsable),
      validation,
      validationUnavailable: trained.validationUnavailable ?? trained.modelUnavailable,
      model: summary,
      rows,
    };
  }

  /**
   * Fits the model of the current data version unless it is fitted already (or being fitted): the background
   * refresh calls it so that the first request after a load finds the model ready.
   */
  async prepareModel(): Promise<void> {
    await this.trained();
  }

  onModuleDestroy(): void {
    this.stopping.abort();
  }

  /**
   * The model and its validation, fitted once per data version over the whole network's history (whoever asks:
   * the list is narrowed to the caller's patients, the model is the network's and shows no patient's data).
   */
  private trained(): Promise<TrainedEarlyWarning> {
    return this.cache.get(UNRESTRICTED_SCOPE, {}, 'early-warning-model', async () => {
      const asOf = await this.asOfQuery.run();
      if (!asOf) {
        return {
          model: null,
          summary: null,
          modelUnavailable: 'no data loaded',
          validation: null,
          validationUnavailable: null,
        };
      }
      const cutOff = format(subDays(parseISO(asOf), VALIDATION_DAYS), 'yyyy-MM-dd');
      const history = await this.features.history(this.stopping.signal);
      return trainAndValidate(history, cutOff, (task) => this.workers.fit(task));
    });
  }
}

function statementOf(trained: TrainedEarlyWarning, modelUsable: boolean): string {
  const rules = 'Listed by the plain rules instead: 2 or more consecutive no-shows, or no attended session in 10 days.';
  if (modelUsable) {
    return (
      `Ranked by a model of disengagement within ${HORIZON_DAYS} days, validated on the period after ` +
      `${trained.validation?.cutOff}: it ranks patients well enough to act on (C-statistic lower 95% bound ` +
      `${USABLE_LOWER_BOUND} or more). A risk is a prompt to call, not a judgement.`
    );
  }
  if (trained.validation) {
    return (
      "The model does not rank patients well enough to act on: its C-statistic's lower 95% bound is under " +
      `${USABLE_LOWER_BOUND}. ${rules}`
    );
  }
  const why = trained.modelUnavailable ?? trained.validationUnavailable ?? 'no validation';
  return `The model could not be validated (${why}), so it is not used. ${rules}`;
}
