import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { episodeSelection } from '../metrics/episode-selection.sql';

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
}

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
}

/** Charges and outcomes per level of care, and the comparison rates, aggregated from episode facts. */
@Injectable()
export class CostsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<CostData> {
    const selection = episodeSelection(scope, filters);
    // Active episodes are counted (to say how many are left out) but enter no sum: their charges and
    // outcomes are not final. Retained at 90 days = length of stay >= 90; abstinent = every expected screen
    // of the final 28 days negative (episode_facts.abstinent_final_4_weeks).
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `
      SELECT f.level_of_care,
             count(*) FILTER (WHERE NOT f.active) AS discharged,
             count(*) FILTER (WHERE f.active) AS active,
             coalesce(sum(f.charges_cents) FILTER (WHERE NOT f.active), 0) AS charges_cents,
             coalesce(sum(f.length_of_stay_days) FILTER (WHERE NOT f.active), 0) AS los_days,
             count(*) FILTER (WHERE NOT f.active AND f.discharge_reason = 1) AS completed,
             count(*) FILTER (WHERE NOT f.active AND f.length_of_stay_days >= 90) AS retained90,
             count(*) FILTER (WHERE NOT f.active AND f.abstinent_final_4_weeks) AS abstinent
      FROM episode_facts f
      WHERE ${selection.sql}
      GROUP BY f.level_of_care
      `,
      selection.params,
    );
    // The comparison rates of the selected episodes' organisation (the lowest id if several; any organisation
    // with settings when nothing is selected).
    const rates: Array<{ key: string; value: CostRateSetting['value']; dollar_year: number | null; source: string }> =
      await this.dataSource.query(
        `
        SELECT s.key, s.value, s.dollar_year, s.source
        FROM settings s
        WHERE s.key LIKE 'cost\\_rate.%'
          AND s.org_id = coalesce((SELECT min(f.org_id) FROM episode_facts f WHERE ${selection.sql}),
                                  (SELECT min(org_id) FROM settings))
        ORDER BY s.key
        `,
        selection.params,
      );
    const asOf: Array<{ as_of: string | null }> = await this.dataSource.query(
      `SELECT to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD') AS as_of`,
    );
    return {
      asOf: asOf[0].as_of,
      byLevel: rows.map((row) => ({
        levelOfCare: String(row['level_of_care']),
        discharged: Number(row['discharged']),
        active: Number(row['active']),
        chargesCents: Number(row['charges_cents']),
        lengthOfStayDays: Number(row['los_days']),
        completed: Number(row['completed']),
        retained90: Number(row['retained90']),
        abstinent: Number(row['abstinent']),
      })),
      rates: rates.map((rate) => ({
        key: rate.key,
        value: rate.value,
        dollarYear: rate.dollar_year === null ? null : Number(rate.dollar_year),
        source: rate.source,
      })),
    };
  }
}
