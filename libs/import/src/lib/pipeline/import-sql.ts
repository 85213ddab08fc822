import type { ClientBase } from 'pg';
import type { FhirReadContext } from '../fhir/read-fhir-files';
import { defaultOrganizationSettings, insertDefaultBenchmarks } from '../organization-settings';
import type { ImportRequest } from './import-request';

/**
 * The organisation's id; a new organisation is created with the default settings and benchmarks (rolled back with a
 * dry run).
 * `warn` hears when the new one is not alone: the dashboard shows every organisation of a database together.
 */
export async function resolveOrganization(
  client: ClientBase,
  name: string,
  warn: (message: string) => void,
): Promise<number> {
  const existing = await client.query<{ id: number }>('SELECT id FROM organizations WHERE name = $1', [name]);
  if (existing.rows.length > 0) return existing.rows[0].id;
  const others = await client.query<{ name: string }>('SELECT name FROM organizations ORDER BY id');
  if (others.rows.length > 0) {
    warn(
      `a new organisation "${name}" beside ${others.rows.map((row) => `"${row.name}"`).join(', ')}: the dashboard shows a database's organisations together; import into an existing one with --org, or into an empty database`,
    );
  }
  const created = await client.query<{ id: number }>('INSERT INTO organizations (name) VALUES ($1) RETURNING id', [
    name,
  ]);
  const orgId = created.rows[0].id;
  for (const setting of defaultOrganizationSettings()) {
    await client.query('INSERT INTO settings (org_id, key, value, dollar_year, source) VALUES ($1, $2, $3, $4, $5)', [
      orgId,
      setting.key,
      JSON.stringify(setting.value),
      setting.dollarYear,
      setting.source,
    ]);
  }
  await insertDefaultBenchmarks(client, orgId);
  return orgId;
}

/**
 * The latest date on which a service is recorded: an admission, a discharge, an attended appointment (its local
 * date), a collected screen, an assessment, a dispense, a charge. Booked appointments, goals' due dates and
 * mutual-help weeks do not count: they may lie ahead of the data. `onlyStaged` limits it to the rows this import
 * brought (joined to the staging tables on their source ids), which is what a merge into existing data needs.
 */
export async function latestServiceDate(
  client: ClientBase,
  orgId: number,
  sourceSystem: string,
  onlyStaged: boolean,
): Promise<string | null> {
  const staged = (entity: string, alias: string): string =>
    onlyStaged
      ? `JOIN import_stage_${entity} st ON ${alias}.source_system = $2 AND st.source_id = ${alias}.source_id`
      : '';
  const local = (column: string, table: string, alias: string, entity: string, condition = 'true'): string =>
    `(SELECT max((${alias}.${column} AT TIME ZONE p.timezone)::date) FROM ${table} ${alias}
        ${staged(entity, alias)}
        JOIN episodes e ON e.id = ${alias}.episode_id JOIN programs p ON p.id = e.program_id
        WHERE ${alias}.org_id = $1 AND ${condition})`;
  const plain = (column: string, table: string, entity: string): string =>
    `(SELECT max(t.${column}) FROM ${table} t ${staged(entity, 't')} WHERE t.org_id = $1)`;
  const { rows } = await client.query<{ as_of: string | null }>(
    `SELECT to_char(greatest(
       ${plain('admit_date', 'episodes', 'episodes')},
       ${plain('discharge_date', 'episodes', 'episodes')},
       ${local('scheduled_start', 'appointments', 'a', 'appointments', "a.status = 'attended'")},
       ${local('collected_at', 'drug_screens', 'd', 'drug_screens', "d.result <> 'missing'")},
       ${local('administered_at', 'assessments', 's', 'assessments')},
       ${plain('dispensed_on', 'medication_dispenses', 'medication_dispenses')},
       ${plain('service_date', 'charges', 'charges')}
     ), 'YYYY-MM-DD') AS as_of`,
    onlyStaged ? [orgId, sourceSystem] : [orgId],
  );
  return rows[0].as_of;
}

/** The organisation's current as-of date; null before its first load. */
export async function currentAsOf(client: ClientBase, orgId: number): Promise<string | null> {
  const { rows } = await client.query<{ as_of: string | null }>(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM dataset_meta WHERE org_id = $1`,
    [orgId],
  );
  return rows[0]?.as_of ?? null;
}

/** Stamps the organisation's data: its as-of date, the load time that every cache keys on, and the import. */
export async function recordDataset(
  client: ClientBase,
  orgId: number,
  asOf: string | null,
  importId: string,
  request: ImportRequest,
): Promise<void> {
  await client.query(
    `INSERT INTO dataset_meta (org_id, as_of, generated_by, loaded_at, import_id)
     VALUES ($1, coalesce($2::date, current_date), $3, clock_timestamp(), $4)
     ON CONFLICT (org_id) DO UPDATE SET as_of = EXCLUDED.as_of, generated_by = EXCLUDED.generated_by,
       loaded_at = EXCLUDED.loaded_at, import_id = EXCLUDED.import_id`,
    [
      orgId,
      asOf,
      JSON.stringify({ import: importId, sourceSystem: request.sourceSystem, mode: request.mode, via: request.via }),
      importId,
    ],
  );
}

/** What the FHIR reader resolves against: this source's programs and episodes already in the database. */
export async function loadFhirContext(
  client: ClientBase,
  orgId: number,
  sourceSystem: string,
  defaultTimezone = 'America/New_York',
): Promise<FhirReadContext> {
  const programs = await client.query<{ sourceId: string; levelOfCare: string }>(
    `SELECT source_id AS "sourceId", level_of_care AS "levelOfCare" FROM programs WHERE org_id = $1 AND source_system = $2`,
    [orgId, sourceSystem],
  );
  const episodes = await client.query<FhirReadContext['knownEpisodes'][number]>(
    `SELECT e.source_id AS "sourceId", pt.source_id AS "patientSourceId", to_char(e.admit_date, 'YYYY-MM-DD') AS "admitDate",
       to_char(e.discharge_date, 'YYYY-MM-DD') AS "dischargeDate", e.payer, p.source_id AS "programSourceId"
     FROM episodes e JOIN patients pt ON pt.id = e.patient_id JOIN programs p ON p.id = e.program_id
     WHERE e.org_id = $1 AND e.source_system = $2`,
    [orgId, sourceSystem],
  );
  return { knownPrograms: programs.rows, knownEpisodes: episodes.rows, defaultTimezone };
}
