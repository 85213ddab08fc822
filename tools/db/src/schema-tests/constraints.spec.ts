import { Client, DatabaseError } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { insertMinimalNetwork } from './fixture-rows';

const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

const EPISODE_COLUMNS = `org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
  discharge_reason, primary_substance, severity, payer, source_system, source_id`;

describe('the schema rejects bad rows', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await insertMinimalNetwork(client);
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  // Each bad row runs in a savepoint-free transaction of its own, so one rejection cannot hide another.
  async function rejection(sql: string): Promise<{ code?: string; constraint?: string }> {
    try {
      await client.query(sql);
    } catch (error) {
      if (error instanceof DatabaseError) return { code: error.code, constraint: error.constraint };
      throw error;
    }
    throw new Error(`accepted: ${sql}`);
  }

  const episode = (values: string) => `INSERT INTO episodes (${EPISODE_COLUMNS}) VALUES (${values})`;

  it.each([
    [
      'discharge reason 8',
      "1, 1, 1, '2.1', 'self', '2025-03-01', '2025-04-01', 8, 'alcohol', 1, 'medicaid', 'x', 'bad1'",
    ],
    [
      'discharge reason 0',
      "1, 1, 1, '2.1', 'self', '2025-03-01', '2025-04-01', 0, 'alcohol', 1, 'medicaid', 'x', 'bad2'",
    ],
    [
      'a discharge date without a reason',
      "1, 1, 1, '2.1', 'self', '2025-03-01', '2025-04-01', null, 'alcohol', 1, 'medicaid', 'x', 'bad3'",
    ],
    [
      'a discharge before admission',
      "1, 1, 1, '2.1', 'self', '2025-03-01', '2025-02-01', 1, 'alcohol', 1, 'medicaid', 'x', 'bad4'",
    ],
    ['severity 4', "1, 1, 1, '2.1', 'self', '2025-03-01', null, null, 'alcohol', 4, 'medicaid', 'x', 'bad5'"],
    ['level of care 2.2', "1, 1, 1, '2.2', 'self', '2025-03-01', null, null, 'alcohol', 1, 'medicaid', 'x', 'bad6'"],
    ['an unknown payer', "1, 1, 1, '2.1', 'self', '2025-03-01', null, null, 'alcohol', 1, 'bitcoin', 'x', 'bad7'"],
    ['an unknown substance', "1, 1, 1, '2.1', 'self', '2025-03-01', null, null, 'coffee', 1, 'medicaid', 'x', 'bad8'"],
  ])('an episode with %s (CHECK)', async (_label, values) => {
    expect((await rejection(episode(values))).code).toBe(CHECK_VIOLATION);
  });

  it('an episode of a program that does not exist (foreign key)', async () => {
    const result = await rejection(
      episode("1, 999, 1, '2.1', 'self', '2025-03-01', null, null, 'alcohol', 1, 'medicaid', 'x', 'bad9'"),
    );
    expect(result.code).toBe(FOREIGN_KEY_VIOLATION);
  });

  it('the same source row imported twice (unique org, source system, source id)', async () => {
    const result = await rejection(
      episode("1, 1, 1, '2.1', 'self', '2025-03-01', null, null, 'alcohol', 1, 'medicaid', 'fixture', 'e1'"),
    );
    expect(result).toEqual({ code: UNIQUE_VIOLATION, constraint: 'episodes_org_id_source_system_source_id_key' });
  });

  it.each([
    ['a birth year of 1850', 1850],
    ['a birth year of 2090', 2090],
  ])('a patient with %s', async (_label, birthYear) => {
    const result =
      await rejection(`INSERT INTO patients (org_id, patient_key, birth_year, sex, employment, source_system, source_id)
      VALUES (1, 'P-${birthYear}', ${birthYear}, 'male', 'employed', 'x', 'p${birthYear}')`);
    expect(result.code).toBe(CHECK_VIOLATION);
  });

  it('a patient zip3 that is not three digits', async () => {
    const result =
      await rejection(`INSERT INTO patients (org_id, patient_key, birth_year, sex, zip3, employment, source_system, source_id)
      VALUES (1, 'P-zip', 1980, 'male', '6A0', 'employed', 'x', 'pzip')`);
    expect(result.code).toBe(CHECK_VIOLATION);
  });

  it.each([
    ['a duration of 0 minutes', "'group', '2025-01-07T17:00:00Z', 0, 'attended'"],
    ['a negative duration', "'group', '2025-01-07T17:00:00Z', -30, 'attended'"],
    ['an unknown status', "'group', '2025-01-07T17:00:00Z', 60, 'late'"],
    ['an unknown session type', "'yoga', '2025-01-07T17:00:00Z', 60, 'attended'"],
  ])('an appointment with %s', async (_label, values) => {
    const result =
      await rejection(`INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
      VALUES (1, 1, ${values}, 'x', 'a-${_label}')`);
    expect(result.code).toBe(CHECK_VIOLATION);
  });

  it('a positive screen that names no substance, and a WAI-SR total outside 12-60', async () => {
    expect(
      (
        await rejection(`INSERT INTO drug_screens (org_id, episode_id, collected_at, result, source_system, source_id)
        VALUES (1, 1, '2025-01-08T15:00:00Z', 'positive', 'x', 's1')`)
      ).code,
    ).toBe(CHECK_VIOLATION);
    expect(
      (
        await rejection(`INSERT INTO assessments (org_id, episode_id, instrument, administered_at, total, source_system, source_id)
        VALUES (1, 1, 'wai_sr', '2025-01-28T15:00:00Z', 61, 'x', 'w1')`)
      ).code,
    ).toBe(CHECK_VIOLATION);
  });

  it('accepts the valid rows it was given', async () => {
    const { rows } = await client.query('SELECT count(*)::int AS episodes FROM episodes');
    expect(rows).toEqual([{ episodes: 1 }]);
  });
});
