import type { EpisodeFilters, RetentionGroupBy } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow, parseRows, resultRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

/** Episodes sharing a group, a time on the curve and an event flag (the curves' input, aggregated in SQL). */
export interface SurvivalCell {
  key: string;
  label: string;
  time: number;
  event: 0 | 1;
  count: number;
}

export interface SurvivalCells {
  asOf: string | null;
  cells: SurvivalCell[];
  tercileCutPoints: [number, number] | null;
}

// Disengagement (METRICS.md, ground-truth.json definitions): discharge with TEDS reason 2 or 3. Any other
// reason, and an active episode, is censored at its length of stay.
const EVENT = `coalesce(f.discharge_reason IN (2, 3), false)::int`;

/** Group key, label, extra condition and time of each split; groupTercile has its own landmark query. */
const SPLITS: Record<Exclude<RetentionGroupBy, 'groupTercile'>, { key: string; label: string; where: string }> = {
  levelOfCare: { key: 'f.level_of_care', label: `'Level ' || f.level_of_care`, where: 'true' },
  mat: {
    key: `CASE WHEN f.mat THEN 'mat' ELSE 'none' END`,
    label: `CASE WHEN f.mat THEN 'MAT' ELSE 'No MAT' END`,
    where: 'f.oud',
  },
  program: { key: 'f.program_id::text', label: 'p.name', where: 'true' },
  payer: { key: 'f.payer', label: 'f.payer', where: 'true' },
};

/** A (group, time, event) cell; count(*) is int8 (the UNION with the literal 0 keeps it int8). */
const cellRow = z.object({
  key: pg.text,
  label: pg.text,
  time: pg.int,
  event: z.union([z.literal(0), z.literal(1)]),
  count: pg.int8,
});

/** The last row, whose key is NULL: the as-of date and the tercile cut points (float8, null but for terciles). */
const metaRow = z.object({
  key: z.null(),
  q1: pg.float8.nullable(),
  q2: pg.float8.nullable(),
  as_of: pg.isoDate.nullable(),
});

/** Counts of (group, time, event) for the Kaplan-Meier curves, in one round trip. */
@Injectable()
export class RetentionQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters, groupBy: RetentionGroupBy): Promise<SurvivalCells> {
    const selection = episodeSelection(scope, filters);
    const asOf = `to_char((SELECT max(as_of) FROM dataset_meta), 'YYYY-MM-DD')`;
    let sql: string;
    if (groupBy === 'groupTercile') {
      // Landmark population (ground-truth.json): episodes still in treatment after days 0-27 (length of stay
      // >= 29); the exposure is measured in days 0-27 and the time runs from day 28 (time = length of stay - 28).
      // Cut points: percentile_cont at 1/3 and 2/3 of the landmark episodes in the selection; low <= q1 <
      // middle <= q2 < high, so tied values always fall in the same tercile. The CTE is read twice, so PostgreSQL
      // materialises it: with the three columns below only (with f.* it copied every wide facts row, 4.5 times the
      // time at the standard preset).
      sql = `
        WITH landmark AS (
          SELECT f.groups_attended_per_week_28, f.length_of_stay_days, f.discharge_reason
          FROM episode_facts f WHERE ${selection.sql} AND f.length_of_stay_days >= 29
        ),
        cuts AS (
          SELECT percentile_cont(1.0 / 3) WITHIN GROUP (ORDER BY groups_attended_per_week_28) AS q1,
                 percentile_cont(2.0 / 3) WITHIN GROUP (ORDER BY groups_attended_per_week_28) AS q2
          FROM landmark
        ),
        split AS (
          SELECT CASE WHEN f.groups_attended_per_week_28 <= c.q1 THEN 'low'
                      WHEN f.groups_attended_per_week_28 <= c.q2 THEN 'middle' ELSE 'high' END AS key,
                 f.length_of_stay_days - 28 AS time, ${EVENT} AS event
          FROM landmark f CROSS JOIN cuts c
        )
        SELECT s.key, s.key AS label, s.time, s.event, count(*) AS count, c.q1, c.q2, ${asOf} AS as_of
        FROM split s CROSS JOIN cuts c
        GROUP BY s.key, s.time, s.event, c.q1, c.q2
        UNION ALL
        SELECT NULL, NULL, NULL, NULL, 0, c.q1, c.q2, ${asOf} FROM cuts c
        ORDER BY 1, 3, 4`;
    } else {
      const split = SPLITS[groupBy];
      sql = `
        SELECT ${split.key} AS key, ${split.label} AS label, f.length_of_stay_days AS time, ${EVENT} AS event,
               count(*) AS count, NULL::float8 AS q1, NULL::float8 AS q2, ${asOf} AS as_of
        FROM episode_facts f JOIN programs p ON p.id = f.program_id
        WHERE ${selection.sql} AND ${split.where}
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT NULL, NULL, NULL, NULL, 0, NULL, NULL, ${asOf}
        ORDER BY 1, 3, 4`;
    }
    const rows = resultRows('RetentionQuery', await this.dataSource.query(sql, selection.params));
    // The last row (key NULL sorts last) carries the as-of date and the cut points even when no episode is selected.
    const meta = parseOneRow('RetentionQuery (its last row)', metaRow, rows.slice(-1));
    const cells: SurvivalCell[] = parseRows('RetentionQuery', cellRow, rows.slice(0, -1));
    return {
      asOf: meta.as_of,
      tercileCutPoints: meta.q1 === null || meta.q2 === null ? null : [meta.q1, meta.q2],
      cells,
    };
  }
}
