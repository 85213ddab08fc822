import { IMPORT_ENTITIES } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { ImportRequest } from '../pipeline/import-request';
import { runImport } from '../pipeline/run-import';

/** The documented example (docs: one NDJSON line per resource), through the whole pipeline into PostgreSQL. */
describe('a FHIR import on a real PostgreSQL', () => {
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

  const request: ImportRequest = {
    organization: 'Riverside Recovery',
    sourceSystem: 'fhir-east',
    mode: 'merge',
    dryRun: false,
    files: [{ path: path.join(__dirname, 'testing', 'example.ndjson'), name: 'example.ndjson' }],
    patientKeySecret: 'a-test-secret-of-at-least-32-characters',
    via: 'cli',
  };

  it('loads one row of every table from one NDJSON file, and a second import changes nothing', async () => {
    const first = await runImport(database.url, request);
    expect({ status: first.status, rejections: first.rejections, warnings: first.warnings }).toEqual({
      status: 'succeeded',
      rejections: [],
      warnings: [],
    });
    for (const entity of IMPORT_ENTITIES) expect([entity, first.counts[entity]?.inserted]).toEqual([entity, 1]);

    const episode = await client.query<Record<string, unknown>>(
      `SELECT level_of_care, to_char(referral_date, 'YYYY-MM-DD') AS referral_date, discharge_reason, primary_substance,
              oud, severity, payer, family_involved FROM episodes`,
    );
    expect(episode.rows).toEqual([
      {
        level_of_care: '2.1',
        referral_date: '2025-12-20',
        discharge_reason: 1,
        primary_substance: 'opioids',
        oud: true,
        severity: 2,
        payer: 'medicaid',
        family_involved: true,
      },
    ]);
    const screen = await client.query<{ result: string; positive_for: string[]; collected: string }>(
      `SELECT result, positive_for, to_char(collected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS collected FROM drug_screens`,
    );
    expect(screen.rows).toEqual([{ result: 'positive', positive_for: ['opioids'], collected: '2026-01-14 16:15' }]);
    const charge = await client.query<{ amount_cents: number; payer: string }>(
      'SELECT amount_cents, payer FROM charges',
    );
    expect(charge.rows).toEqual([{ amount_cents: 18250, payer: 'medicaid' }]);

    const second = await runImport(database.url, request);
    expect(second.status).toBe('succeeded');
    for (const entity of IMPORT_ENTITIES) expect([entity, second.counts[entity]?.unchanged]).toEqual([entity, 1]);
  });

  it('imports each official HL7 R4 example without a crash: loaded, or rejected with a reason for every row', async () => {
    const folder = path.join(__dirname, 'testing', 'hl7-r4-core');
    const names = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(names.length).toBe(13);
    const outcomes: Array<[string, string]> = [];
    for (const name of names) {
      const outcome = await runImport(database.url, {
        ...request,
        sourceSystem: 'hl7-examples',
        dryRun: true,
        files: [{ path: path.join(folder, name), name }],
      });
      expect(outcome.error).toBeNull();
      for (const rejection of outcome.rejections) expect(rejection.reason.length).toBeGreaterThan(10);
      outcomes.push([name, outcome.status]);
    }
    expect(outcomes.filter(([, status]) => status !== 'succeeded' && status !== 'rejected')).toEqual([]);
  });
});
