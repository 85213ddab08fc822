import {
  APPOINTMENT_STATUSES,
  EMPLOYMENT_STATUSES,
  GOAL_STATUSES,
  INSTRUMENTS,
  LEVELS_OF_CARE,
  MEDICATIONS,
  MODALITIES,
  PAYERS,
  REFERRAL_SOURCES,
  SCREEN_ANALYTES,
  SCREEN_RESULTS,
  SESSION_TYPES,
  SEXES,
  STAFF_ROLES,
  SUBSTANCES,
  USER_ROLES,
} from '@iop/contracts';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * The database's CHECK lists and the contracts' vocabularies must say the same thing: the API validates
 * against the contracts, and a value the database then refused would be a 500.
 */
describe('CHECK constraints match the @iop/contracts vocabularies', () => {
  let database: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  async function allowedValues(table: string, column: string): Promise<string[]> {
    const { rows } = await client.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE t.relname = $1 AND c.contype = 'c'`,
      [table],
    );
    const definition = rows
      .map((row) => row.definition)
      .find((text) => text.startsWith(`CHECK ((${column} = ANY`) || text.startsWith(`CHECK ((${column} <@`));
    if (!definition) throw new Error(`no list CHECK on ${table}.${column}`);
    return [...definition.matchAll(/'([^']+)'::(text|bpchar)/g)].map((match) => match[1]).sort();
  }

  it.each([
    ['programs', 'level_of_care', LEVELS_OF_CARE],
    ['episodes', 'level_of_care', LEVELS_OF_CARE],
    ['staff', 'role', STAFF_ROLES],
    ['patients', 'sex', SEXES],
    ['patients', 'employment', EMPLOYMENT_STATUSES],
    ['episodes', 'referral_source', REFERRAL_SOURCES],
    ['episodes', 'primary_substance', SUBSTANCES],
    ['episodes', 'payer', PAYERS],
    ['charges', 'payer', PAYERS],
    ['appointments', 'session_type', SESSION_TYPES],
    ['appointments', 'modality', MODALITIES],
    ['appointments', 'status', APPOINTMENT_STATUSES],
    ['drug_screens', 'result', SCREEN_RESULTS],
    ['drug_screens', 'positive_for', SCREEN_ANALYTES],
    ['plan_goals', 'status', GOAL_STATUSES],
    ['assessments', 'instrument', INSTRUMENTS],
    ['medication_dispenses', 'medication', MEDICATIONS],
    ['users', 'role', USER_ROLES],
  ] as Array<[string, string, readonly string[]]>)('%s.%s', async (table, column, vocabulary) => {
    expect(await allowedValues(table, column)).toEqual([...vocabulary].sort());
  });
});
