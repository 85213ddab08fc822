import type { DataQualityReport, DataStatus, EntityQuality } from '@iop/contracts';
import { sql } from '../reports/testing/report-test-support';
import { startFixtureApp, type TestApp } from '../testing/test-app';
import { DATA_QUALITY_FIXTURE_SQL } from './testing/data-quality-fixture';

const field = (name: string, present: number, rows: number) => ({ field: name, present, rows });
const check = (name: string, rows: number) => ({ check: name, rows });

/** Every number below is counted by hand from the rows of data-quality-fixture.ts. */
const EXPECTED_ENTITIES: EntityQuality[] = [
  {
    entity: 'programs',
    rows: 2,
    completeness: [],
    outOfRange: [],
    // Empty Clinic.
    orphans: [check('programs with no episode', 1)],
    latestServiceDate: null,
    lagDays: null,
  },
  {
    entity: 'staff',
    rows: 3,
    completeness: [],
    outOfRange: [],
    // Therapist B and Counselor C: only Counselor A has appointments.
    orphans: [check('staff never scheduled', 2)],
    latestServiceDate: null,
    lagDays: null,
  },
  {
    entity: 'patients',
    rows: 4,
    // Patients 1 and 3.
    completeness: [field('zip3', 2, 4)],
    // Patient 2 was 2024 - 2015 = 9 at admission, patient 3 was 2025 - 1930 = 95.
    outOfRange: [check('patient older than 90 or younger than 12 at admission', 2)],
    orphans: [check('patients with no episode', 1)],
    latestServiceDate: null,
    lagDays: null,
  },
  {
    entity: 'episodes',
    rows: 4,
    completeness: [
      field('referral_date', 2, 4),
      field('prior_discharge_date', 1, 4),
      field('discharge_date', 2, 4),
      field('discharge_reason_local', 1, 4),
      field('primary_counselor_id', 2, 4),
    ],
    outOfRange: [
      // Episode 2: 2024-05-01 to the as-of date 2025-06-30 is 365 + 60 = 425 days.
      check('episode longer than 365 days', 1),
      // Episode 3, admitted 2025-07-10.
      check('admission after the as-of date', 1),
    ],
    // Episode 4.
    orphans: [check('episodes with no appointment', 1)],
    // Episode 3's admission, 8 days after the load day 2025-07-02: a negative lag, as the check above says.
    latestServiceDate: '2025-07-10',
    lagDays: -8,
  },
  {
    entity: 'appointments',
    rows: 5,
    completeness: [field('staff_id', 3, 5)],
    // a3, 300 minutes.
    outOfRange: [check('appointment longer than 4 hours', 1)],
    // a3 (03-05) after episode 1's discharge on 03-01; a2 is 03-02 in UTC but 03-01 in Chicago, so not.
    orphans: [check('appointments after discharge', 1)],
    // The last attended: a4 on 06-20; 2025-07-02 less 06-20 is 12 days.
    latestServiceDate: '2025-06-20',
    lagDays: 12,
  },
  {
    entity: 'drug_screens',
    rows: 3,
    completeness: [],
    outOfRange: [],
    orphans: [],
    // s2 is 06-30 in UTC but 06-29 in Chicago; the missing screen of 06-30 was never collected.
    latestServiceDate: '2025-06-29',
    lagDays: 3,
  },
  {
    entity: 'plan_goals',
    rows: 1,
    completeness: [],
    outOfRange: [],
    orphans: [],
    // 2025-01-06 to 2025-07-02: 25 + 28 + 31 + 30 + 31 + 30 + 2 = 177 days.
    latestServiceDate: '2025-01-06',
    lagDays: 177,
  },
  {
    entity: 'assessments',
    rows: 0,
    completeness: [],
    outOfRange: [],
    orphans: [],
    latestServiceDate: null,
    lagDays: null,
  },
  {
    entity: 'medication_dispenses',
    rows: 1,
    completeness: [],
    outOfRange: [],
    orphans: [],
    latestServiceDate: '2025-06-01',
    lagDays: 31,
  },
  {
    entity: 'mutual_help',
    rows: 0,
    completeness: [],
    outOfRange: [],
    orphans: [],
    latestServiceDate: null,
    lagDays: null,
  },
  {
    entity: 'charges',
    rows: 2,
    completeness: [],
    // c1.
    outOfRange: [check('charge of $0', 1)],
    orphans: [],
    // 2025-02-10 to 2025-07-02: 18 + 31 + 30 + 31 + 30 + 2 = 142 days.
    latestServiceDate: '2025-02-10',
    lagDays: 142,
  },
];

describe('the data-quality report and the data status (golden, against PostgreSQL)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(DATA_QUALITY_FIXTURE_SQL);
  }, 180_000);
  afterAll(() => api?.close());

  it('states, per table, rows, completeness, out-of-range and orphan checks, the latest service date and lag', async () => {
    const { status, body } = await api.get('/api/v1/data/quality');
    expect(status).toBe(200);
    const report = body as DataQualityReport;
    expect(report.entities).toEqual(EXPECTED_ENTITIES);
    expect(report.status).toEqual({
      asOf: '2025-06-30',
      loadedAt: '2025-07-02T03:00:00.000Z',
      source: 'synthetic',
      synthetic: true,
    });
  });

  it('gives the data status: the synthetic source, then nothing once no load is recorded', async () => {
    expect((await api.get('/api/v1/data/status')).body).toEqual({
      asOf: '2025-06-30',
      loadedAt: '2025-07-02T03:00:00.000Z',
      source: 'synthetic',
      synthetic: true,
    } satisfies DataStatus);

    await sql(api.databaseUrl, 'DELETE FROM dataset_meta');
    expect((await api.get('/api/v1/data/status')).body).toEqual({
      asOf: null,
      loadedAt: null,
      source: null,
      synthetic: false,
    } satisfies DataStatus);
    // Without a load there is no lag to state; the dates of service remain.
    const report = (await api.get('/api/v1/data/quality')).body as DataQualityReport;
    const appointments = report.entities.find((entity) => entity.entity === 'appointments');
    expect([appointments?.latestServiceDate, appointments?.lagDays]).toEqual(['2025-06-20', null]);
  });

  it('refuses a parameter (400, named)', async () => {
    const { status, body } = await api.get('/api/v1/data/quality?programId=1');
    expect([status, JSON.stringify(body)]).toEqual([400, expect.stringContaining('programId should not exist')]);
  });
});
