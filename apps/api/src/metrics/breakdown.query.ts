import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { z } from 'zod';
import type { KeyedEpisodeAggregates } from '../episodes/episode-aggregates.sql';
import { EpisodeAggregateStore, type EpisodeGroupCodes } from '../episodes/episode-aggregate-store';
import { aggregateSelectedByGroup } from '../episodes/stored-aggregates';

export type EpisodeDimension = 'program' | 'levelOfCare' | 'payer' | 'substance' | 'ageBand' | 'counselor';

/**
 * Group key and label of each episode dimension in SQL, over `f` with the program `p` and counselor `s` joined:
 * the funnel's case mix groups by them, and BreakdownQuery's groups (GROUP_ROWS) give what they give.
 */
export const EPISODE_GROUPS: Record<EpisodeDimension, { key: string; label: string; order: string }> = {
  program: { key: 'f.program_id::text', label: 'p.name', order: 'f.program_id' },
  levelOfCare: { key: 'f.level_of_care', label: "'Level ' || f.level_of_care", order: 'f.level_of_care' },
  payer: { key: 'f.payer', label: 'f.payer', order: 'f.payer' },
  substance: { key: 'f.primary_substance', label: 'f.primary_substance', order: 'f.primary_substance' },
  ageBand: { key: 'f.age_band', label: 'f.age_band', order: 'f.age_band' },
  counselor: {
    key: "coalesce(f.primary_counselor_id::text, 'none')",
    label: "coalesce(s.display_name, 'No primary counselor')",
    order: 'f.primary_counselor_id',
  },
};

const nameRow = z.object({ id: pg.int, name: pg.text });

/** A group's value under its dimension: a program or counselor id (null: no counselor), or the text itself. */
type GroupValue = number | string | null;

/**
 * How the stored episodes' groups become the SQL's rows (EPISODE_GROUPS): key and label from the group's value
 * (and the program's or counselor's name), in the SQL's ORDER BY, NULLS LAST. The text dimensions hold a few
 * fixed ASCII values (CHECK constraints, the age band's CASE) that sort alike under the database's collation and
 * by code unit, so they are compared here by code unit.
 */
interface GroupRows {
  names: 'programs' | 'staff' | null;
  key: (value: GroupValue) => string;
  label: (value: GroupValue, names: ReadonlyMap<number, string>) => string | undefined;
  compare: (a: GroupValue, b: GroupValue) => number;
}

const byCodeUnit = (a: GroupValue, b: GroupValue) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
const byNumberNullsLast = (a: GroupValue, b: GroupValue) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : Number(a) - Number(b);
const textGroups = (label: (value: string) => string = (value) => value): GroupRows => ({
  names: null,
  key: (value) => String(value),
  label: (value) => label(String(value)),
  compare: byCodeUnit,
});

const GROUP_ROWS: Record<EpisodeDimension, GroupRows> = {
  // The SQL joins the programs: an episode of a program not found would drop out (the foreign key forbids it).
  program: {
    names: 'programs',
    key: (value) => String(value),
    label: (value, names) => names.get(Number(value)),
    compare: byNumberNullsLast,
  },
  levelOfCare: textGroups((level) => `Level ${level}`),
  payer: textGroups(),
  substance: textGroups(),
  ageBand: textGroups(),
  counselor: {
    names: 'staff',
    key: (value) => (value === null ? 'none' : String(value)),
    label: (value, names) => (value === null ? undefined : names.get(value as number)) ?? 'No primary counselor',
    compare: byNumberNullsLast,
  },
};

const NAMES_SQL = {
  programs: 'SELECT id, name FROM programs',
  staff: 'SELECT id, display_name AS name FROM staff',
};

/**
 * Episode aggregates (EPISODE_AGGREGATES_SQL, with the cell keys for a payer) per group of an episode attribute,
 * as the SQL grouped by EPISODE_GROUPS gives them, computed over the episodes kept in memory (appointment
 * outcomes: AppointmentCountStore).
 */
@Injectable()
export class BreakdownQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EpisodeAggregateStore,
  ) {}

  async byEpisode(
    scope: AccessScope,
    filters: EpisodeFilters,
    by: EpisodeDimension,
  ): Promise<Array<KeyedEpisodeAggregates & { key: string; label: string }>> {
    const rows = GROUP_ROWS[by];
    const [names, selected] = await Promise.all([this.names(rows.names), this.store.select(scope, filters)]);
    const { codes, values }: EpisodeGroupCodes<GroupValue> = selected.groups[by];
    const groups = aggregateSelectedByGroup(selected, { codes, count: values.length }, scope.smallCells === 'suppress');
    return groups
      .flatMap((aggregates, code) => {
        const label = aggregates && rows.label(values[code], names);
        return aggregates && label !== undefined ? [{ value: values[code], label, aggregates }] : [];
      })
      .sort((a, b) => rows.compare(a.value, b.value))
      .map(({ value, label, aggregates }) => ({ key: rows.key(value), label, ...aggregates }));
  }

  /** The programs' or counselors' names by id (the whole table: one row per program or staff member). */
  private async names(table: GroupRows['names']): Promise<ReadonlyMap<number, string>> {
    if (table === null) return new Map();
    const rows = parseRows(`BreakdownQuery.byEpisode ${table}`, nameRow, await this.dataSource.query(NAMES_SQL[table]));
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
