import type { FilterOptionsResponse } from '@iop/contracts';
import { Client } from 'pg';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { startFixtureApp, type TestApp } from '../testing/test-app';

// A program and a counselor with no episode, which must not be offered: choosing them would select nothing.
const UNUSED_ROWS_SQL = `
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES (3, 1, 'Closed program', '3.5', 'UTC');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES (3, 1, 3, 'Counselor C', 'counselor');
`;

describe('GET /api/v1/filters/options on a hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL + UNUSED_ROWS_SQL);
  });
  afterAll(() => api.close());

  it('offers the values that occur among the episodes, labelled, in a stable order', async () => {
    const { status, body } = await api.get('/api/v1/filters/options');
    expect(status).toBe(200);
    // Episodes (summary-fixture.ts): programs 1 (2.1) and 2 (1); payers medicaid, commercial, medicare;
    // substances alcohol, opioids; patients born 1990, 2008, 1960 admitted 2024-2025; counselors 1 and 2.
    expect(body).toEqual<FilterOptionsResponse>({
      programs: [
        { id: 1, name: 'Evening IOP' },
        { id: 2, name: 'Outpatient' },
      ],
      counselors: [
        { id: 1, name: 'Counselor A', programId: 1 },
        { id: 2, name: 'Counselor B', programId: 2 },
      ],
      levelsOfCare: [
        { key: '1', label: 'Level 1 (outpatient)' },
        { key: '2.1', label: 'Level 2.1 (intensive outpatient)' },
      ],
      payers: [
        { key: 'medicaid', label: 'Medicaid' },
        { key: 'medicare', label: 'Medicare' },
        { key: 'commercial', label: 'Commercial' },
      ],
      substances: [
        { key: 'alcohol', label: 'Alcohol' },
        { key: 'opioids', label: 'Opioids' },
      ],
      // Age at admission = admission year - birth year: 2025 - 2008 = 17, 2025 - 1990 = 35, 2024 - 1990 = 34,
      // 2025 - 1960 = 65.
      ageBands: [
        { key: '13-17', label: '13–17' },
        { key: '26-34', label: '26–34' },
        { key: '35-44', label: '35–44' },
        { key: '65+', label: '65 and over' },
      ],
      admitDateRange: { from: '2024-11-01', to: '2025-05-05' },
    });
  });

  it('answers from memory until a load, then shows what the load brought', async () => {
    const before = await api.get('/api/v1/filters/options');
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      // A new self-paid episode, without the load stamp: the options are not asked of the database again.
      await client.query(
        `INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date,
           primary_substance, severity, payer, source_system, source_id)
         VALUES (90, 1, 1, 1, '2.1', 'self', '2025-06-01', 'alcohol', 1, 'self_pay', 'fixture', 'e90')`,
      );
      await client.query('SELECT refresh_episode_facts(ARRAY[90])');
      expect((await api.get('/api/v1/filters/options')).body).toEqual(before.body);
      // The load's stamp: the next answer is computed again and offers self-pay and the later admission.
      await client.query(`UPDATE dataset_meta SET loaded_at = clock_timestamp()`);
      const after = await api.get('/api/v1/filters/options');
      expect((after.body as FilterOptionsResponse).payers.map((payer) => payer.key)).toContain('self_pay');
      expect((after.body as FilterOptionsResponse).admitDateRange).toEqual({ from: '2024-11-01', to: '2025-06-01' });
    } finally {
      await client.end();
    }
  });
});
