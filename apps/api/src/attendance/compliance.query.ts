import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { type ComplianceAggregates, episodeAggregatesSchema } from '../episodes/episode-aggregates.sql';
import { episodeSelection } from '../episodes/episode-selection.sql';

const complianceRow = episodeAggregatesSchema
  .pick({ compliance_mean: true, compliance_scored: true, compliant: true })
  .extend({
    session_mean: pg.float8.nullable(),
    session_defined: pg.int8,
    session_meeting: pg.int8,
    screen_mean: pg.float8.nullable(),
    screen_defined: pg.int8,
    screen_meeting: pg.int8,
    goal_mean: pg.float8.nullable(),
    goal_defined: pg.int8,
    goal_meeting: pg.int8,
  });

/** The compliance components, by the prefix of their columns. */
export type ComplianceComponentColumn = 'session' | 'screen' | 'goal';

export interface ComponentCounts {
  /** The mean of the component over the episodes where it is defined; null when it is defined for none. */
  mean: number | null;
  defined: number;
  /** Episodes meeting the component (>= 0.80). */
  meeting: number;
}

export type ComplianceRow = ComplianceAggregates & { components: Record<ComplianceComponentColumn, ComponentCounts> };

/**
 * The compliance score and its components over the selected episodes. The score columns carry the names of
 * EPISODE_AGGREGATES_SQL so that they are parsed and read exactly as the summary reads them. "Meeting" a
 * component is tested on its integer counts (numerator * 5 >= denominator * 4, i.e. >= 0.80) so that a
 * component of exactly 0.80 is never lost to floating point.
 */
@Injectable()
export class ComplianceQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<ComplianceRow> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT avg(f.compliance_score) AS compliance_mean,
             count(f.compliance_score) AS compliance_scored,
             count(*) FILTER (WHERE f.compliant) AS compliant,
             avg(f.session_adherence) AS session_mean,
             count(f.session_adherence) AS session_defined,
             count(*) FILTER (WHERE f.attendance_denominator > 0
                                AND f.attendance_numerator * 5 >= f.attendance_denominator * 4) AS session_meeting,
             avg(f.screen_adherence) AS screen_mean,
             count(f.screen_adherence) AS screen_defined,
             count(*) FILTER (WHERE f.screens_expected > 0
                                AND f.screens_collected * 5 >= f.screens_expected * 4) AS screen_meeting,
             avg(f.goal_attainment) AS goal_mean,
             count(f.goal_attainment) AS goal_defined,
             count(*) FILTER (WHERE f.goals_due > 0 AND f.goals_met * 5 >= f.goals_due * 4) AS goal_meeting
      FROM episode_facts f
      WHERE ${selection.sql}
      `;
    const row = parseOneRow('ComplianceQuery', complianceRow, await this.dataSource.query(sql, selection.params));
    const component = (column: ComplianceComponentColumn): ComponentCounts => ({
      mean: row[`${column}_mean`],
      defined: row[`${column}_defined`],
      meeting: row[`${column}_meeting`],
    });
    return {
      compliance_mean: row.compliance_mean,
      compliance_scored: row.compliance_scored,
      compliant: row.compliant,
      components: { session: component('session'), screen: component('screen'), goal: component('goal') },
    };
  }
}
