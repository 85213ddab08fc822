import { Client } from 'pg';
import { revertAllMigrations, runMigrations } from '../lib/migrate';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

// Every table the migrations create, and nothing else (the entities map only some of them).
const DOMAIN_TABLES = [
  'alert_rules',
  'annotations',
  'appointments',
  'assessments',
  'audit_events',
  'charges',
  'dataset_meta',
  'drug_screens',
  'episode_appointment_counts',
  'episode_facts',
  'episode_quality_dates',
  'episode_weekday_attendance',
  'episodes',
  'import_rejections',
  'imports',
  'medication_dispenses',
  'metric_benchmarks',
  'metric_targets',
  'mutual_help',
  'notifications',
  'organizations',
  'patients',
  'plan_goals',
  'programs',
  'report_files',
  'report_schedules',
  'reports',
  'retired_refresh_tokens',
  'sessions',
  'settings',
  'sign_in_throttle',
  'staff',
  'user_programs',
  'users',
];

const ALL_MIGRATION_NAMES = [
  'InitialSchema1764288000000',
  'EpisodeFacts1764300000000',
  'AccessControl1764400000000',
  'WeekdayAttendance1764500000000',
  'Reports1764600000000',
  'Imports1764700000000',
  'IncrementalFacts1764800000000',
  'SignInThrottle1765000000000',
  'SignInClaim1765000000001',
  'RecordKeys1765100000000',
  'ReadmissionInFacts1765200000000',
  'ComparatorSettings1765300000000',
  'GroupedAppointments1765400000000',
  'BenchmarksAndTargets1765500000000',
  'Annotations1765600000000',
  'Alerts1765700000000',
  'QualityDates1765800000000',
  'FactsRevision1765900000000',
];

// refresh_episode_facts twice: for the given episodes and for all.
const DERIVED_OBJECTS = [
  'audit_events_append_only',
  'episode_facts_new_revision',
  'random_record_key',
  'refresh_episode_facts',
  'refresh_episode_facts',
  'report_next_run',
  'sign_in_claim',
  'users_unlock_clears_sign_in_throttle',
];

describe('the committed migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  it('go up from an empty database, down to nothing, and up again', async () => {
    expect(await tablesOf(database.url)).toEqual([]);

    expect(await runMigrations(database.url)).toEqual(ALL_MIGRATION_NAMES);
    expect(await tablesOf(database.url)).toEqual([...DOMAIN_TABLES, 'typeorm_migrations'].sort());
    // The episode facts, the appointment counts and the weekday attendance are tables with their refresh
    // functions, and the audit log has its append-only trigger function; down drops all.
    expect(await derivedObjectsOf(database.url)).toEqual(DERIVED_OBJECTS);
    expect(await runMigrations(database.url)).toEqual([]);

    expect(await revertAllMigrations(database.url)).toBe(ALL_MIGRATION_NAMES.length);
    expect(await tablesOf(database.url)).toEqual(['typeorm_migrations']);
    expect(await derivedObjectsOf(database.url)).toEqual([]);

    expect(await runMigrations(database.url)).toEqual(ALL_MIGRATION_NAMES);
    expect(await derivedObjectsOf(database.url)).toEqual(DERIVED_OBJECTS);
  });

  it('index the shapes the metric queries read', async () => {
    const indexes = await indexDefinitions(database.url);
    expect(indexes['episodes_program_admit_idx']).toMatch(/ON public\.episodes USING btree \(program_id, admit_date\)/);
    expect(indexes['appointments_episode_start_idx']).toMatch(
      /ON public\.appointments USING btree \(episode_id, scheduled_start\)/,
    );
    expect(indexes['episodes_patient_admit_idx']).toMatch(/\(patient_id, admit_date\)/);
    // A refresh deletes by episode; the metric queries filter by admit date.
    expect(indexes['episode_facts_episode_idx']).toMatch(
      /UNIQUE INDEX .* ON public\.episode_facts USING btree \(episode_id\)/,
    );
    expect(indexes['episode_facts_program_admit_idx']).toMatch(
      /ON public\.episode_facts USING btree \(program_id, admit_date\)/,
    );
    expect(indexes['episode_facts_org_admit_idx']).toMatch(
      /ON public\.episode_facts USING btree \(org_id, admit_date\)/,
    );
    // Readmission finds the same patient's later admissions (without it the summary took 13 s at 12k episodes).
    expect(indexes['episode_facts_patient_admit_idx']).toMatch(
      /ON public\.episode_facts USING btree \(patient_id, admit_date\)/,
    );
    // The breakdowns join the appointment counts by episode, and a refresh deletes them by episode.
    expect(indexes['episode_appointment_counts_key_idx']).toMatch(
      /UNIQUE INDEX .* ON public\.episode_appointment_counts USING btree \(episode_id, slot, session_type, status\)/,
    );
    // The quality measures join their dates by episode, and a refresh deletes them by episode.
    expect(indexes['episode_quality_dates_pkey']).toMatch(
      /UNIQUE INDEX .* ON public\.episode_quality_dates USING btree \(episode_id\)/,
    );
    // The Reports page lists a user's reports newest first; the scheduler claims schedules by their next run.
    expect(indexes['reports_requester_idx']).toMatch(
      /ON public\.reports USING btree \(requested_by, created_at DESC\)/,
    );
    expect(indexes['report_schedules_due_idx']).toMatch(
      /ON public\.report_schedules USING btree \(next_run_at\) WHERE \(deleted_at IS NULL\)/,
    );
    for (const table of ['patients', 'episodes', 'appointments', 'drug_screens', 'charges']) {
      const unique = Object.values(indexes).find(
        (definition) =>
          definition.includes(`UNIQUE INDEX`) &&
          definition.includes(`ON public.${table} `) &&
          definition.includes('(org_id, source_system, source_id)'),
      );
      expect(unique).toBeDefined();
    }
  });
});

async function tablesOf(url: string): Promise<string[]> {
  const rows = await select<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function derivedObjectsOf(url: string): Promise<string[]> {
  const rows = await select<{ name: string }>(
    url,
    `SELECT matviewname AS name FROM pg_matviews WHERE schemaname = 'public'
     UNION ALL
     SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
     ORDER BY name`,
  );
  return rows.map((row) => row.name);
}

async function indexDefinitions(url: string): Promise<Record<string, string>> {
  const rows = await select<{ indexname: string; indexdef: string }>(
    url,
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
  );
  return Object.fromEntries(rows.map((row) => [row.indexname, row.indexdef]));
}

async function select<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
