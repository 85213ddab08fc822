import type { ImportMode } from '@iop/contracts';
import type { ClientBase } from 'pg';
import { ENTITY_SPECS } from '../entities';
import { stageTable } from '../validate/stage-columns';

export interface FactsRefreshScope {
  orgId: number;
  sourceSystem: string;
  mode: ImportMode;
  /** The organisation's as-of date before the import and after it (recordDataset). */
  asOfBefore: string | null;
  asOfAfter: string | null;
}

/** Staging tables whose rows belong to an episode: the episodes themselves and every entity referring to one. */
const EPISODE_KEYED_STAGES = Object.values(ENTITY_SPECS).flatMap((spec) => [
  ...(spec.entity === 'episodes' ? [`SELECT source_id FROM ${stageTable(spec.entity)}`] : []),
  ...spec.columns
    .filter((column) => column.kind.type === 'reference' && column.kind.entity === 'episodes')
    .map((column) => `SELECT ${column.name} FROM ${stageTable(spec.entity)}`),
]);

/**
 * Recomputes the derived tables (episode facts, appointment counts, weekday attendance) for the episodes the
 * import may have changed, inside its transaction. An episode's derived rows depend on its own rows, its
 * program (time zone), its patient (birth year, sex, employment) and, while it is active, the as-of date; every
 * row also carries the as-of date. So a merge recomputes the episodes named by any staged row or belonging to a
 * staged program or patient, and, when the as-of date moved, every active episode of the organisation (the
 * others only get the new date). A snapshot may have deleted rows anywhere in the organisation: it recomputes
 * all of the organisation's episodes, and drops the rows of deleted ones. Returns how many were recomputed.
 */
export async function refreshTouchedFacts(client: ClientBase, scope: FactsRefreshScope): Promise<number> {
  const { orgId, sourceSystem } = scope;
  const asOfMoved = scope.asOfBefore !== scope.asOfAfter;
  if (asOfMoved) {
    await client.query(
      `UPDATE episode_facts SET as_of = $2::date WHERE org_id = $1 AND as_of IS DISTINCT FROM $2::date`,
      [orgId, scope.asOfAfter],
    );
  }
  const { rows } = await client.query<{ ids: number[] | null }>(
    scope.mode === 'snapshot'
      ? `SELECT array_agg(id) AS ids FROM (
           SELECT episode_id AS id FROM episode_facts WHERE org_id = $1
           UNION SELECT id FROM episodes WHERE org_id = $1
         ) touched`
      : `WITH staged_episodes AS (${EPISODE_KEYED_STAGES.join(' UNION ')})
         SELECT array_agg(id) AS ids FROM (
           SELECT e.id FROM episodes e JOIN staged_episodes s ON s.source_id = e.source_id
           WHERE e.org_id = $1 AND e.source_system = $2
           UNION
           SELECT e.id FROM episodes e JOIN programs p ON p.id = e.program_id
             JOIN ${stageTable('programs')} s ON s.source_id = p.source_id
           WHERE p.org_id = $1 AND p.source_system = $2
           UNION
           SELECT e.id FROM episodes e JOIN patients pt ON pt.id = e.patient_id
             JOIN ${stageTable('patients')} s ON s.source_id = pt.source_id
           WHERE pt.org_id = $1 AND pt.source_system = $2
           UNION
           SELECT id FROM episodes WHERE $3 AND org_id = $1 AND discharge_date IS NULL
         ) touched`,
    scope.mode === 'snapshot' ? [orgId] : [orgId, sourceSystem, asOfMoved],
  );
  const ids = rows[0]?.ids ?? [];
  if (ids.length > 0) await client.query('SELECT refresh_episode_facts($1::integer[])', [ids]);
  return ids.length;
}
