import type { ComparatorKind, ComparatorSetting, EpisodeFilters } from '@iop/contracts';
import { Setting } from '@iop/schema';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Like, type Repository } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { AsOfQuery } from '../episodes/as-of.query';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { CELL_KEY_MODULUS } from '../suppression/cell-key';
import { comparatorSettings } from './comparator-settings';

/** Sums over the discharged episodes of one level of care. */
export interface CostCounts {
  levelOfCare: string;
  discharged: number;
  active: number;
  chargesCents: number;
  lengthOfStayDays: number;
  completed: number;
  retained90: number;
  abstinent: number;
  /** The cell key of each count (suppression/cell-key.ts). */
  cellKeys: Record<CostCountName, number>;
}

/** The counts of episodes among CostCounts, which a payer sees perturbed. */
export const COST_COUNT_NAMES = ['discharged', 'active', 'completed', 'retained90', 'abstinent'] as const;
export type CostCountName = (typeof COST_COUNT_NAMES)[number];

export interface CostRateSetting {
  key: string;
  value: { amountCents?: number; per?: string; levelOfCare?: string };
  dollarYear: number | null;
  source: string | null;
}

export interface CostData {
  asOf: string | null;
  byLevel: CostCounts[];
  rates: CostRateSetting[];
  /** Each comparator's setting, or the published default where the organisation has none. */
  comparators: Record<ComparatorKind, ComparatorSetting>;
}

/** sum() of the bigint charges is numeric; the other sums and counts are int8. */
const levelRow = z.object({
  level_of_care: pg.text,
  discharged: pg.int8,
  active: pg.int8,
  charges_cents: pg.numeric,
  los_days: pg.int8,
  completed: pg.int8,
  retained90: pg.int8,
  abstinent: pg.int8,
  discharged_key: pg.int,
  active_key: pg.int,
  completed_key: pg.int,
  retained90_key: pg.int,
  abstinent_key: pg.int,
});

/** A count of the level's episodes that meet `condition`, and its cell key. */
const episodesCounted = (name: CostCountName, condition: string) =>
  `count(*) FILTER (WHERE ${condition}) AS ${name},
             (coalesce(sum(f.record_key) FILTER (WHERE ${condition}), 0) % ${CELL_KEY_MODULUS})::int AS ${name}_key`;

const organizationRow = z.object({ org_id: pg.int.nullable() });

/** A cost rate's jsonb value: the fields the costs read, typed; any other field is kept as it is. */
const costRateValue = z.looseObject({
  amountCents: z.number().optional(),
  per: z.string().optional(),
  levelOfCare: z.string().optional(),
});

/** Charges and outcomes per level of care, and the comparison rates, aggregated from episode facts. */
@Injectable()
export class CostsQuery {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Setting) private readonly settings: Repository<Setting>,
    private readonly asOfQuery: AsOfQuery,
  ) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<CostData> {
    const selection = episodeSelection(scope, filters);
    // Active episodes are counted (to say how many are left out) but enter no sum: their charges and
    // outcomes are not final. Retained at 90 days = length of stay >= 90; abstinent = every expected screen
    // of the final 28 days negative (episode_facts.abstinent_final_4_weeks).
    const levelsSql = `
      SELECT f.level_of_care,
             ${episodesCounted('discharged', 'NOT f.active')},
             ${episodesCounted('active', 'f.active')},
             coalesce(sum(f.charges_cents) FILTER (WHERE NOT f.active), 0) AS charges_cents,
             coalesce(sum(f.length_of_stay_days) FILTER (WHERE NOT f.active), 0) AS los_days,
             ${episodesCounted('completed', 'NOT f.active AND f.discharge_reason = 1')},
             ${episodesCounted('retained90', 'NOT f.active AND f.length_of_stay_days >= 90')},
             ${episodesCounted('abstinent', 'NOT f.active AND f.abstinent_final_4_weeks')}
      FROM episode_facts f
      WHERE ${selection.sql}
      GROUP BY f.level_of_care
      `;
    // Three independent reads, so they run side by side on the pool's connections.
    const [levelRows, { rates, comparators }, asOf] = await Promise.all([
      this.dataSource.query<unknown>(levelsSql, selection.params),
      this.costSettings(selection.sql, selection.params),
      this.asOfQuery.run(),
    ]);
    const rows = parseRows('CostsQuery', levelRow, levelRows);
    return {
      asOf,
      byLevel: rows.map((row) => ({
        levelOfCare: row.level_of_care,
        discharged: row.discharged,
        active: row.active,
        chargesCents: row.charges_cents,
        lengthOfStayDays: row.los_days,
        completed: row.completed,
        retained90: row.retained90,
        abstinent: row.abstinent,
        cellKeys: {
          discharged: row.discharged_key,
          active: row.active_key,
          completed: row.completed_key,
          retained90: row.retained90_key,
          abstinent: row.abstinent_key,
        },
      })),
      rates,
      comparators,
    };
  }

  /**
   * The comparison rates (in key order) and the comparators of the selected episodes' organisation (the lowest id
   * if several; any organisation with settings when nothing is selected).
   */
  private async costSettings(
    selectionSql: string,
    params: unknown[],
  ): Promise<Pick<CostData, 'rates' | 'comparators'>> {
    const { org_id: orgId } = parseOneRow(
      'CostsQuery.organization',
      organizationRow,
      await this.dataSource.query(
        `SELECT coalesce((SELECT min(f.org_id) FROM episode_facts f WHERE ${selectionSql}),
                         (SELECT min(org_id) FROM settings)) AS org_id`,
        params,
      ),
    );
    if (orgId === null) return { rates: [], comparators: comparatorSettings([]) };
    const [rateSettings, comparators] = await Promise.all([
      this.settings.find({ where: { orgId, key: Like('cost\\_rate.%') }, order: { key: 'ASC' } }),
      this.settings.find({ where: { orgId, key: Like('comparator.%') } }),
    ]);
    return {
      rates: rateSettings.map((setting) => ({
        key: setting.key,
        value: parseOneRow(`CostsQuery: settings ${setting.key}`, costRateValue, [setting.value]),
        dollarYear: setting.dollarYear,
        source: setting.source,
      })),
      comparators: comparatorSettings(comparators),
    };
  }
}
