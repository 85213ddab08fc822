import { Client, types } from 'pg';
import { createTestDatabase } from '../testing/test-database';

const DATE_OID = 1082;
const BIGINT_OID = 20;

/**
 * The episode_facts materialized view on a hand-built fixture: four episodes in Chicago-time programs, each
 * fact worked out by hand below from METRICS.md and tools/synth/ground-truth.json "definitions".
 *
 * Calendar used (2025): Jan 6, Feb 3, Mar 3, Mar 10 and Mar 31 are Mondays; Jan 11 and Mar 29 are Saturdays.
 * Chicago is UTC-6 until Sunday Mar 9 and UTC-5 from then (DST), so timestamps carry the local offset.
 */
export const FIXTURE = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Chicago IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Chicago Outpatient', '1', 'America/Chicago');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES (1, 1, 1, 'Counselor A', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, zip3, employment, source_system, source_id) VALUES
    (1, 1, 'P-1', 1985, 'female', '606', 'employed', 'fx', 'p1'),
    (2, 1, 'P-2', 2008, 'male', '606', 'student', 'fx', 'p2'),
    (3, 1, 'P-3', 1958, 'male', '606', 'unemployed', 'fx', 'p3');
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
      admit_date, discharge_date, discharge_reason, primary_substance, oud, severity, prior_episodes, payer,
      primary_counselor_id, family_involved, source_system, source_id) VALUES
    (1, 1, 1, 1, '2.1', '2025-01-02', 'self', '2025-01-06', '2025-02-20', 1, 'alcohol', false, 2, 0, 'medicaid', 1, true, 'fx', 'e1'),
    (2, 1, 1, 2, '2.1', '2025-03-01', 'family', '2025-03-03', NULL, NULL, 'opioids', true, 3, 1, 'commercial', 1, false, 'fx', 'e2'),
    (3, 1, 1, 3, '2.1', '2025-02-03', 'court', '2025-02-03', '2025-02-12', 2, 'stimulants', false, 1, 2, 'medicare', NULL, false, 'fx', 'e3'),
    (4, 1, 2, 1, '1', '2025-03-07', 'outpatient', '2025-03-10', NULL, NULL, 'alcohol', false, 1, 1, 'medicaid', NULL, false, 'fx', 'e4');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-03-31', '{"generator": "fixture"}');

  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, modality, status, source_system, source_id) VALUES
    -- episode 1 (admitted Mon 2025-01-06, discharged 2025-02-20)
    (1, 1, 'group',      '2025-01-06 09:00-06', 180, 'in_person',  'attended',          'fx', 'a1'),  -- day 0
    (1, 1, 'individual', '2025-01-07 17:30-06',  60, 'in_person',  'attended',          'fx', 'a2'),  -- day 1, evening
    (1, 1, 'group',      '2025-01-08 09:00-06', 180, 'in_person',  'no_show',           'fx', 'a3'),  -- day 2
    (1, 1, 'group',      '2025-01-09 18:00-06', 180, 'in_person',  'cancelled_program', 'fx', 'a4'),  -- day 3, evening but cancelled by program
    (1, 1, 'family',     '2025-01-11 10:00-06',  60, 'in_person',  'attended',          'fx', 'a5'),  -- day 5, Saturday
    (1, 1, 'individual', '2025-01-14 10:00-06',  60, 'telehealth', 'cancelled_patient', 'fx', 'a6'),  -- day 8
    (1, 1, 'group',      '2025-02-10 09:00-06', 180, 'in_person',  'attended',          'fx', 'a7'),  -- day 35
    (1, 1, 'individual', '2025-02-20 19:00-06',  60, 'in_person',  'attended',          'fx', 'a8'),  -- day 45 (UTC: Feb 21 01:00), evening
    -- episode 2 (admitted Mon 2025-03-03, active at the as-of date 2025-03-31)
    (1, 2, 'group',      '2025-03-03 09:00-06', 180, 'in_person',  'attended',          'fx', 'b1'),  -- day 0
    (1, 2, 'mat',        '2025-03-03 13:00-06',  30, 'in_person',  'attended',          'fx', 'b2'),  -- day 0
    (1, 2, 'individual', '2025-03-10 16:30-05',  60, 'telehealth', 'attended',          'fx', 'b3'),  -- day 7 (UTC 21:30: not evening locally)
    (1, 2, 'family',     '2025-03-14 10:00-05',  60, 'in_person',  'cancelled_program', 'fx', 'b7'),  -- day 11
    (1, 2, 'group',      '2025-03-29 10:00-05', 180, 'in_person',  'no_show',           'fx', 'b4'),  -- day 26, Saturday
    (1, 2, 'group',      '2025-03-31 18:00-05', 180, 'in_person',  'attended',          'fx', 'b5'),  -- day 28 (outside the window), evening
    (1, 2, 'individual', '2025-03-31 19:30-05',  60, 'in_person',  'scheduled',         'fx', 'b8'),  -- day 28, evening, later on the as-of day
    (1, 2, 'individual', '2025-04-02 10:00-05',  60, 'in_person',  'scheduled',         'fx', 'b6'),  -- after the as-of date: left out
    -- episode 3 (admitted Mon 2025-02-03, dropped out 2025-02-12)
    (1, 3, 'group',      '2025-02-03 09:00-06', 180, 'in_person',  'attended',          'fx', 'c1'),  -- day 0
    (1, 3, 'group',      '2025-02-05 09:00-06', 180, 'in_person',  'no_show',           'fx', 'c2'),  -- day 2
    (1, 3, 'individual', '2025-02-14 10:00-06',  60, 'in_person',  'cancelled_patient', 'fx', 'c3');  -- after discharge: left out

  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id) VALUES
    (1, 1, '2025-01-08 09:15-06', true,  'negative', '{}',                       'fx', 's1'),  -- day 2
    (1, 1, '2025-01-15 09:15-06', true,  'missing',  '{}',                       'fx', 's2'),  -- day 9
    (1, 1, '2025-01-22 09:15-06', true,  'positive', '{alcohol}',                'fx', 's3'),  -- day 16
    (1, 1, '2025-02-05 12:00-06', false, 'positive', '{cannabis}',               'fx', 's6'),  -- for cause: not expected
    (1, 1, '2025-02-12 09:15-06', true,  'negative', '{}',                       'fx', 's4'),  -- day 37
    (1, 1, '2025-02-19 09:15-06', true,  'negative', '{}',                       'fx', 's5'),  -- day 44
    (1, 2, '2025-03-05 09:15-06', true,  'positive', '{buprenorphine}',          'fx', 't1'),  -- day 2, prescribed only
    (1, 2, '2025-03-12 09:15-05', true,  'positive', '{buprenorphine,fentanyl}', 'fx', 't2'),  -- day 9
    (1, 2, '2025-03-19 09:15-05', true,  'positive', '{methadone}',              'fx', 't3'),  -- day 16, not prescribed
    (1, 2, '2025-03-26 09:15-05', true,  'negative', '{}',                       'fx', 't4');  -- day 23

  INSERT INTO plan_goals (org_id, episode_id, created_on, due_on, status, source_system, source_id) VALUES
    (1, 1, '2025-01-06', '2025-01-20', 'met',         'fx', 'g1'),
    (1, 1, '2025-01-06', '2025-02-03', 'not_met',     'fx', 'g2'),
    (1, 1, '2025-01-06', '2025-02-17', 'met',         'fx', 'g3'),
    (1, 1, '2025-02-03', '2025-03-10', 'dropped',     'fx', 'g4'),
    (1, 2, '2025-03-03', '2025-03-17', 'met',         'fx', 'h1'),
    (1, 2, '2025-03-03', '2025-03-24', 'met',         'fx', 'h2'),
    (1, 2, '2025-03-03', '2025-04-14', 'in_progress', 'fx', 'h3'),  -- not yet due at the as-of date
    (1, 3, '2025-02-03', '2025-02-17', 'not_met',     'fx', 'k1');  -- due after the discharge

  INSERT INTO assessments (org_id, episode_id, instrument, administered_at, total, source_system, source_id) VALUES
    (1, 1, 'wai_sr',          '2025-01-16 10:00-06', 40, 'fx', 'w1'),  -- day 10: too early
    (1, 1, 'wai_sr',          '2025-01-27 10:00-06', 48, 'fx', 'w2'),  -- day 21: the alliance
    (1, 1, 'wai_sr',          '2025-02-10 10:00-06', 52, 'fx', 'w3'),  -- day 35: not the first
    (1, 1, 'readiness_ruler', '2025-01-06 10:00-06',  5, 'fx', 'r1'),
    (1, 1, 'readiness_ruler', '2025-01-27 10:00-06',  7, 'fx', 'r2'),
    (1, 1, 'readiness_ruler', '2025-02-17 10:00-06',  8, 'fx', 'r3'),
    (1, 1, 'bam',             '2025-01-06 11:00-06', 12, 'fx', 'x1'),
    (1, 2, 'wai_sr',          '2025-03-17 23:30-05', 44, 'fx', 'w4'),  -- local day 14 (UTC Mar 18, day 15): not after day 14
    (1, 2, 'readiness_ruler', '2025-03-03 10:00-06',  6, 'fx', 'r4');

  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id) VALUES
    (1, 2, 'buprenorphine', '2025-03-03', 7, 'fx', 'm1'),
    (1, 2, 'buprenorphine', '2025-03-10', 7, 'fx', 'm2');

  INSERT INTO mutual_help (org_id, episode_id, week_start, meetings, source_system, source_id) VALUES
    (1, 1, '2025-01-06', 2, 'fx', 'u1'),
    (1, 1, '2025-01-13', 4, 'fx', 'u2'),
    (1, 1, '2025-01-20', 3, 'fx', 'u3');

  INSERT INTO charges (org_id, episode_id, service_date, code, amount_cents, payer, source_system, source_id) VALUES
    (1, 1, '2025-01-06', 'H0015', 15000, 'medicaid', 'fx', 'ch1'),
    (1, 1, '2025-01-07', 'H0015', 15000, 'medicaid', 'fx', 'ch2'),
    (1, 1, '2025-02-10', 'H0015', 12000, 'medicaid', 'fx', 'ch3'),
    (1, 4, '2025-03-10', 'H0004',  5000, 'medicaid', 'fx', 'ch4');
`;

/** A client on the fixture database that reads dates as their ISO text and bigint (charges_cents) as a number. */
export async function connectFixtureClient(url: string): Promise<Client> {
  const client = new Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (value: string) => value;
        if (oid === BIGINT_OID) return (value: string) => Number(value);
        return types.getTypeParser(oid, format) as (value: string) => unknown;
      }) as typeof types.getTypeParser,
    },
  });
  await client.connect();
  return client;
}

/** The fixture client on a database of its own, with the fixture loaded and every derived table refreshed. */
export interface RefreshedFixture {
  client: Client;
  /** Ends the client and drops the database. */
  close(): Promise<void>;
}

/** A new migrated database holding FIXTURE, fully refreshed, read through connectFixtureClient. */
export async function openRefreshedFixture(): Promise<RefreshedFixture> {
  const database = await createTestDatabase();
  let client: Client | undefined;
  const close = async () => {
    await client?.end();
    await database.drop();
  };
  try {
    client = await connectFixtureClient(database.url);
    await client.query(FIXTURE);
    await client.query('SELECT refresh_episode_facts()');
    return { client, close };
  } catch (error) {
    await close();
    throw error;
  }
}
