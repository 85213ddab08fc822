import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import type { AggregateRow } from '../metrics/episode-aggregates.sql';
import { episodeSelection } from '../metrics/episode-selection.sql';

/**
 * The compliance score and its components over the selected episodes. The score columns carry the names of
 * EPISODE_AGGREGATES_SQL so that metricValue() reads them exactly as the summary does. "Meeting" a component is
 * tested on its integer counts (numerator * 5 >= denominator * 4, i.e. >= 0.80) so that a component of exactly
 * 0.80 is never lost to floating point.
 */
@Injectable()
export class ComplianceQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<AggregateRow> {
    const selection = episodeSelection(scope, filters);
    const rows: AggregateRow[] = await this.dataSource.query(
      `
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
      `,
      selection.params,
    );
    return rows[0];
  }
}
