import type { ImportEntity } from '@iop/contracts';
import type { ClientBase } from 'pg';
import { stageTable } from '../validate/stage-columns';

/**
 * How each entity's staged rows become rows of its table: the target columns, the expression of each (source ids
 * resolved to ids through the (org_id, source_system, source_id) keys, instants without an offset read in the
 * program's time zone) and the joins that resolve them. $1 is the organisation's id, $2 the source system.
 */
interface MergeShape {
  table: string;
  columns: ReadonlyArray<readonly [column: string, expression: string]>;
  joins: string;
}

const bySource = (table: string, alias: string, sourceColumn: string, outer = false): string =>
  `${outer ? 'LEFT ' : ''}JOIN ${table} ${alias} ON ${alias}.org_id = $1 AND ${alias}.source_system = $2 AND ${alias}.source_id = s.${sourceColumn}`;

/** The episode (and its program, for the time zone) of a row that belongs to an episode. */
const EPISODE_JOINS = `${bySource('episodes', 'e', 'episode_source_id')} JOIN programs p ON p.id = e.program_id`;

const instant = (column: string): string =>
  `CASE WHEN s.${column}_local THEN s.${column}_text::timestamp AT TIME ZONE p.timezone ELSE s.${column}_text::timestamptz END`;

const same = (...columns: string[]): Array<readonly [string, string]> =>
  columns.map((column) => [column, `s.${column}`] as const);

export const MERGE_SHAPES: Readonly<Record<ImportEntity, MergeShape>> = {
  programs: { table: 'programs', columns: same('name', 'level_of_care', 'asam_edition', 'timezone'), joins: '' },
  staff: {
    table: 'staff',
    columns: [['program_id', 'pr.id'], ...same('display_name', 'role')],
    joins: bySource('programs', 'pr', 'program_source_id'),
  },
  patients: { table: 'patients', columns: same('patient_key', 'birth_year', 'sex', 'zip3', 'employment'), joins: '' },
  episodes: {
    table: 'episodes',
    columns: [
      ['program_id', 'pr.id'],
      ['patient_id', 'pt.id'],
      ...same(
        'level_of_care',
        'referral_date',
        'referral_source',
        'prior_discharge_date',
        'admit_date',
        'discharge_date',
      ),
      ...same(
        'discharge_reason',
        'discharge_reason_local',
        'primary_substance',
        'oud',
        'severity',
        'prior_episodes',
        'payer',
      ),
      ['primary_counselor_id', 'st.id'],
      ...same('family_involved'),
    ],
    joins: [
      bySource('programs', 'pr', 'program_source_id'),
      bySource('patients', 'pt', 'patient_source_id'),
      bySource('staff', 'st', 'primary_counselor_source_id', true),
    ].join(' '),
  },
  appointments: {
    table: 'appointments',
    columns: [
      ['episode_id', 'e.id'],
      ['session_type', 's.session_type'],
      ['scheduled_start', instant('scheduled_start')],
      ...same('duration_min', 'modality', 'status'),
      ['staff_id', 'st.id'],
    ],
    joins: `${EPISODE_JOINS} ${bySource('staff', 'st', 'staff_source_id', true)}`,
  },
  drug_screens: {
    table: 'drug_screens',
    columns: [
      ['episode_id', 'e.id'],
      ['collected_at', instant('collected_at')],
      ...same('expected', 'result', 'positive_for'),
    ],
    joins: EPISODE_JOINS,
  },
  plan_goals: {
    table: 'plan_goals',
    columns: [['episode_id', 'e.id'], ...same('created_on', 'due_on', 'status')],
    joins: EPISODE_JOINS,
  },
  assessments: {
    table: 'assessments',
    columns: [
      ['episode_id', 'e.id'],
      ['instrument', 's.instrument'],
      ['administered_at', instant('administered_at')],
      ['total', 's.total'],
    ],
    joins: EPISODE_JOINS,
  },
  medication_dispenses: {
    table: 'medication_dispenses',
    columns: [['episode_id', 'e.id'], ...same('medication', 'dispensed_on', 'days_supply')],
    joins: EPISODE_JOINS,
  },
  mutual_help: {
    table: 'mutual_help',
    columns: [['episode_id', 'e.id'], ...same('week_start', 'meetings')],
    joins: EPISODE_JOINS,
  },
  charges: {
    table: 'charges',
    columns: [['episode_id', 'e.id'], ...same('service_date', 'code', 'amount_cents', 'payer')],
    joins: EPISODE_JOINS,
  },
};

/**
 * INSERT ... ON CONFLICT (org_id, source_system, source_id) DO UPDATE of one entity, updating only rows that
 * changed, answering how many rows were inserted and how many updated (xmax = 0 marks a row this statement inserted).
 */
export function upsertStatement(entity: ImportEntity): string {
  const shape = MERGE_SHAPES[entity];
  const columns = shape.columns.map(([column]) => column);
  const targets = ['org_id', ...columns, 'source_system', 'source_id'];
  const values = ['$1', ...shape.columns.map(([, expression]) => expression), '$2', 's.source_id'];
  return `
    WITH merged AS (
      INSERT INTO ${shape.table} AS t (${targets.join(', ')})
      SELECT ${values.join(', ')}
      FROM ${stageTable(entity)} s ${shape.joins}
      ON CONFLICT (org_id, source_system, source_id) DO UPDATE
        SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
        WHERE (${columns.map((column) => `t.${column}`).join(', ')}) IS DISTINCT FROM (${columns.map((column) => `EXCLUDED.${column}`).join(', ')})
      RETURNING (t.xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::integer AS inserted, count(*) FILTER (WHERE NOT inserted)::integer AS updated
    FROM merged`;
}

/** Snapshot mode: the source system's rows of this entity that the files no longer have. */
export function snapshotDeleteStatement(entity: ImportEntity): string {
  const table = MERGE_SHAPES[entity].table;
  return `
    DELETE FROM ${table} t
    WHERE t.org_id = $1 AND t.source_system = $2
      AND NOT EXISTS (SELECT 1 FROM ${stageTable(entity)} s WHERE s.source_id = t.source_id)`;
}

/**
 * Whether this connection may switch off the per-row foreign-key triggers for the upserts (superuser, or
 * `GRANT SET ON PARAMETER session_replication_role`). They are redundant there: every id an upsert writes comes
 * from a join to a row that exists in the same transaction (the organisation, and parents through their
 * source ids, which the checks have proved present), and the import's advisory lock keeps another import of the
 * source from deleting those parents meanwhile. They cost half of the merge's time (a million appointments: 21 s
 * with them, 12 s without).
 */
export async function maySkipReferenceTriggers(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ allowed: boolean }>(
    `SELECT current_setting('is_superuser')::boolean OR has_parameter_privilege('session_replication_role', 'SET') AS allowed`,
  );
  return rows[0].allowed;
}
