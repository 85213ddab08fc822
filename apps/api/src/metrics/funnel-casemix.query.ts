import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { EPISODE_GROUPS } from './breakdown.query';
import type { CaseMixMetric, CaseMixRow, CaseMixUnitDimension } from './funnel-casemix';

/**
 * Each case-mix metric's denominator episodes and outcome, as episode-aggregates.sql.ts counts them: completion
 * among discharged episodes, 90-day retention among episodes followed for 90 days.
 */
const OUTCOMES: Record<CaseMixMetric, { denominator: string; outcome: string }> = {
  completionRate: { denominator: 'NOT f.active', outcome: 'f.discharge_reason = 1' },
  retained90: { denominator: 'f.as_of - f.admit_date >= 90', outcome: 'f.length_of_stay_days >= 90' },
};

const caseMixRow = z.object({
  unit: pg.text,
  outcome: pg.bool,
  ageBand: pg.text,
  sex: pg.text,
  substance: pg.text,
  severity: pg.int,
  priorEpisodes: pg.int,
  payer: pg.text,
});

/** The episodes in a funnel metric's denominator, with their unit, outcome and the board's six covariates. */
@Injectable()
export class FunnelCaseMixQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(
    scope: AccessScope,
    filters: EpisodeFilters,
    metric: CaseMixMetric,
    by: CaseMixUnitDimension,
  ): Promise<CaseMixRow[]> {
    const selection = episodeSelection(scope, filters);
    const { denominator, outcome } = OUTCOMES[metric];
    const sql = `
      SELECT ${EPISODE_GROUPS[by].key} AS unit, ${outcome} AS outcome, f.age_band AS "ageBand", f.sex,
             f.primary_substance AS substance, f.severity, f.prior_episodes AS "priorEpisodes", f.payer
      FROM episode_facts f
      WHERE ${selection.sql} AND ${denominator}
      ORDER BY f.episode_id
      `;
    return parseLargeRows(
      'FunnelCaseMixQuery',
      caseMixRow,
      await this.dataSource.query<unknown>(sql, selection.params),
    );
  }
}
