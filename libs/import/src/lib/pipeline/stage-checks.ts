import type { ImportEntity, ImportMode } from '@iop/contracts';
import type { ClientBase } from 'pg';
import { ENTITY_SPECS } from '../entities';
import type { Rejection } from '../source-record';
import { stageTable } from '../validate/stage-columns';
import { REJECTED_IDS_TABLE } from './stager';

/** What the checks need to know about the import. */
export interface CheckScope {
  orgId: number;
  sourceSystem: string;
  mode: ImportMode;
  /** Entities the files bring: in snapshot mode, their rows in the database are about to be replaced. */
  entitiesPresent: ReadonlySet<ImportEntity>;
  /** At most this many rejections are returned (all are counted). */
  limit: number;
}

interface LocatedRow {
  file: string;
  line: number | null;
  resource_id: string | null;
  value: string | null;
  detail: string | null;
}

export interface CheckResult {
  rejections: Rejection[];
  rejectedRows: number;
}

/**
 * The checks that need every row at once, run in SQL on the staging tables: a source id twice in the files, a
 * reference to a row neither in the files nor already in the database for this source system, a program name
 * already taken, two mutual-help rows for one episode and week. Each finding names the row's file and line. A
 * reference to a row already rejected while reading is not reported again: that row's rejection says it all.
 */
export async function runStageChecks(client: ClientBase, scope: CheckScope): Promise<CheckResult> {
  const result: CheckResult = { rejections: [], rejectedRows: 0 };
  const add = async (sql: string, parameters: unknown[], field: string, reason: (row: LocatedRow) => string) => {
    const room = Math.max(scope.limit - result.rejections.length, 0);
    const { rows } = await client.query<LocatedRow>(`SELECT * FROM (${sql}) found LIMIT ${room + 1}`, parameters);
    if (rows.length > room) {
      // More than can be listed: count them all without fetching them.
      const counted = await client.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM (${sql}) found`,
        parameters,
      );
      result.rejectedRows += counted.rows[0].n - rows.length;
    }
    for (const row of rows) {
      result.rejectedRows += 1;
      if (result.rejections.length < scope.limit) {
        result.rejections.push({
          file: row.file,
          line: row.line,
          resourceId: row.resource_id,
          field,
          value: row.value,
          reason: reason(row),
        });
      }
    }
  };
  for (const spec of Object.values(ENTITY_SPECS)) {
    const stage = stageTable(spec.entity);
    await add(
      `WITH repeated AS (SELECT source_id FROM ${stage} GROUP BY source_id HAVING count(*) > 1)
       SELECT file, line, resource_id, source_id AS value, first_at AS detail FROM (
         SELECT s.*, row_number() OVER w AS n,
           first_value(s.file || coalesce(' line ' || s.line, ' ' || s.resource_id, '')) OVER w AS first_at
         FROM ${stage} s JOIN repeated USING (source_id)
         WINDOW w AS (PARTITION BY s.source_id ORDER BY s.file, s.line, s.resource_id)
       ) d WHERE n > 1 ORDER BY file, line`,
      [],
      'source_id',
      (row) => `duplicate source_id: already at ${row.detail ?? 'an earlier row'}`,
    );
    for (const column of spec.columns) {
      if (column.kind.type !== 'reference') continue;
      const parent = column.kind.entity;
      // In snapshot mode a parent entity that the files bring is replaced: only the files' rows will exist.
      const databaseCounts = !(scope.mode === 'snapshot' && scope.entitiesPresent.has(parent));
      await add(
        `SELECT s.file, s.line, s.resource_id, s.${column.name} AS value, NULL AS detail
         FROM ${stage} s
         WHERE s.${column.name} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${stageTable(parent)} p WHERE p.source_id = s.${column.name})
           AND NOT EXISTS (SELECT 1 FROM ${REJECTED_IDS_TABLE} r WHERE r.entity = '${parent}' AND r.source_id = s.${column.name})
           AND ($3::boolean IS FALSE OR NOT EXISTS (
             SELECT 1 FROM ${parent} t WHERE t.org_id = $1 AND t.source_system = $2 AND t.source_id = s.${column.name}))
         ORDER BY s.file, s.line`,
        [scope.orgId, scope.sourceSystem, databaseCounts],
        column.name,
        () =>
          `unknown ${singular(parent)}: no ${singular(parent)} with this source_id in the files or already imported from ${scope.sourceSystem}`,
      );
    }
  }
  await add(
    `SELECT s.file, s.line, s.resource_id, s.name AS value,
       coalesce(p.source_system || '/' || p.source_id, 'a program set up by hand') AS detail
     FROM ${stageTable('programs')} s
     JOIN programs p ON p.org_id = $1 AND p.name = s.name
       AND (p.source_system IS DISTINCT FROM $2 OR p.source_id IS DISTINCT FROM s.source_id)
     UNION ALL
     SELECT file, line, resource_id, name, 'another row of the files' FROM (
       SELECT s.*, row_number() OVER (PARTITION BY s.name ORDER BY s.file, s.line) AS n FROM ${stageTable('programs')} s
     ) d WHERE n > 1`,
    [scope.orgId, scope.sourceSystem],
    'name',
    (row) =>
      `program name already used by ${row.detail ?? 'another program'}; program names are unique in an organisation`,
  );
  await add(
    `SELECT file, line, resource_id, week_start::text AS value, NULL AS detail FROM (
       SELECT s.*, row_number() OVER (PARTITION BY s.episode_source_id, s.week_start ORDER BY s.file, s.line) AS n
       FROM ${stageTable('mutual_help')} s
     ) d WHERE n > 1
     UNION ALL
     SELECT s.file, s.line, s.resource_id, s.week_start::text, NULL
     FROM ${stageTable('mutual_help')} s
     JOIN episodes e ON e.org_id = $1 AND e.source_system = $2 AND e.source_id = s.episode_source_id
     JOIN mutual_help m ON m.episode_id = e.id AND m.week_start = s.week_start AND m.source_id <> s.source_id`,
    [scope.orgId, scope.sourceSystem],
    'week_start',
    () => 'the episode already has a mutual-help row for this week (one row per episode and week)',
  );
  return result;
}

const SINGULAR: Partial<Record<ImportEntity, string>> = {
  programs: 'program',
  staff: 'staff member',
  patients: 'patient',
  episodes: 'episode',
};

const singular = (entity: ImportEntity): string => SINGULAR[entity] ?? entity;
