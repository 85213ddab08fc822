import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticNetwork } from '../generate';
import { BATCH_TABLES } from '../rows/tables';
import { analytesOfArrayLiteral } from './contract-rows';
import { exportSyntheticNetwork, type ExportReport } from './export-network';

/** The whole demo network (seed 20260630), exported once for the tests below. */
describe('exportSyntheticNetwork as CSV', () => {
  let directory: string;
  let report: ExportReport;
  const lines = async (name: string): Promise<string[]> =>
    (await readFile(path.join(directory, name), 'utf8')).split('\n').filter((line) => line !== '');
  const lineOf = async (name: string, sourceId: string): Promise<string | undefined> =>
    (await lines(name)).find((line) => line.startsWith(`${sourceId},`));

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'synth-export-csv-'));
    report = await exportSyntheticNetwork({ preset: 'demo', format: 'csv', outDir: directory });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes the eleven files of the contract, each with as many rows as the generator made', async () => {
    const expected: Record<string, number> = { programs: 4, staff: 24 };
    for (const table of BATCH_TABLES) expected[table] = 0;
    for (const batch of generateSyntheticNetwork({ preset: 'demo' }).batches()) {
      for (const table of BATCH_TABLES) expected[table] += batch.rows[table].length;
    }
    expect(expected['episodes']).toBe(1500);
    expect(report.files).toEqual(
      [
        'programs',
        'staff',
        'patients',
        'episodes',
        'appointments',
        'drug_screens',
        'plan_goals',
        'assessments',
        'medication_dispenses',
        'mutual_help',
        'charges',
      ].map((entity) => ({ name: `${entity}.csv`, rows: expected[entity] })),
    );
    for (const file of report.files) {
      const records = parse<unknown>(await readFile(path.join(directory, file.name)), { columns: true });
      expect([file.name, records.length]).toEqual([file.name, file.rows]);
    }
  });

  it('names the columns as the contract does', async () => {
    expect((await lines('programs.csv'))[0]).toBe('source_id,name,level_of_care,asam_edition,timezone');
    expect((await lines('staff.csv'))[0]).toBe('source_id,program_source_id,display_name,role');
    expect((await lines('patients.csv'))[0]).toBe('source_id,birth_year,sex,zip3,employment');
    expect((await lines('episodes.csv'))[0]).toBe(
      'source_id,program_source_id,patient_source_id,level_of_care,referral_date,referral_source,prior_discharge_date,' +
        'admit_date,discharge_date,discharge_reason,discharge_reason_local,primary_substance,oud,severity,prior_episodes,' +
        'payer,primary_counselor_source_id,family_involved',
    );
    expect((await lines('appointments.csv'))[0]).toBe(
      'source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id',
    );
    expect((await lines('drug_screens.csv'))[0]).toBe(
      'source_id,episode_source_id,collected_at,expected,result,positive_for',
    );
    expect((await lines('charges.csv'))[0]).toBe('source_id,episode_source_id,service_date,code,amount_cents,payer');
  });

  it('writes programs and staff with source ids in place of internal ids', async () => {
    expect((await lines('programs.csv'))[1]).toBe('prog1,Albany Intensive Outpatient Program,2.1,3,America/New_York');
    expect(await lineOf('staff.csv', 'staff1')).toBe('staff1,prog1,Counselor Taylor Tanaka,counselor');
    expect(await lineOf('patients.csv', 'p1')).toBe('p1,1984,female,956,employed');
  });

  it('writes an episode with a discharge, and an active one with its empty cells', async () => {
    expect(await lineOf('episodes.csv', 'e2')).toBe(
      'e2,prog3,p2,2.1,2025-12-07,self,,2026-01-02,2026-04-16,1,Completed program,alcohol,false,2,0,medicaid,staff15,true',
    );
    expect(await lineOf('episodes.csv', 'e13')).toBe(
      'e13,prog1,p9,2.1,2026-04-28,residential,2026-04-28,2026-05-14,2026-06-23,3,Administrative discharge,opioids,' +
        'true,2,7,medicare,staff2,false',
    );
    expect(await lineOf('episodes.csv', 'e1')).toBe(
      'e1,prog4,p1,1,2026-03-23,other,,2026-03-23,,,,alcohol,false,2,6,medicaid,staff20,false',
    );
  });

  it('writes instants with their offset, analytes joined by ";", and every screen result', async () => {
    expect(await lineOf('appointments.csv', 'e1-a1')).toBe(
      'e1-a1,e1,case_management,2026-03-23T17:00:00.000-07:00,60,in_person,attended,staff20',
    );
    expect(await lineOf('drug_screens.csv', 'e1-s6')).toBe(
      'e1-s6,e1,2026-04-29T17:45:00.000-07:00,true,positive,alcohol;cannabis',
    );
    expect(await lineOf('drug_screens.csv', 'e6-s11')).toBe(
      'e6-s11,e6,2026-03-07T11:00:00.000-05:00,false,positive,buprenorphine',
    );
    expect(await lineOf('drug_screens.csv', 'e1-s14')).toBe('e1-s14,e1,2026-06-24T17:45:00.000-07:00,true,invalid,');
    expect(await lineOf('drug_screens.csv', 'e1-s4')).toBe('e1-s4,e1,2026-04-15T12:00:00.000-07:00,true,missing,');
  });

  it('writes amounts in whole cents (the price times the payer rate)', async () => {
    // H0006 case management, $38.00, at Medicaid's 0.92 in an outpatient (level 1) program: $34.96.
    expect(await lineOf('charges.csv', 'e1-c1')).toBe('e1-c1,e1,2026-03-23,H0006,3496,medicaid');
    // 90847 family psychotherapy, $110.00 at 0.92: $101.20.
    expect(await lineOf('charges.csv', 'e2-c19')).toBe('e2-c19,e2,2026-01-22,90847,10120,medicaid');
    expect(await lineOf('plan_goals.csv', 'e1-g2')).toBe('e1-g2,e1,2026-03-26,2026-04-11,met');
    expect(await lineOf('assessments.csv', 'e1-r5')).toBe('e1-r5,e1,wai_sr,2026-04-13T13:30:00.000-07:00,53');
    expect(await lineOf('medication_dispenses.csv', 'e13-m1')).toBe('e13-m1,e13,naltrexone_xr,2026-05-14,28');
    expect(await lineOf('mutual_help.csv', 'e1-h1')).toBe('e1-h1,e1,2026-03-23,7');
  });

  it('does not depend on the batch size', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'synth-export-csv-'));
    try {
      await exportSyntheticNetwork({ preset: 'demo', episodes: 40, batchEpisodes: 7, format: 'csv', outDir: other });
      const whole = await mkdtemp(path.join(tmpdir(), 'synth-export-csv-'));
      try {
        await exportSyntheticNetwork({ preset: 'demo', episodes: 40, format: 'csv', outDir: whole });
        for (const name of ['episodes.csv', 'appointments.csv', 'charges.csv']) {
          expect(await readFile(path.join(other, name), 'utf8')).toBe(await readFile(path.join(whole, name), 'utf8'));
        }
      } finally {
        await rm(whole, { recursive: true, force: true });
      }
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('analytesOfArrayLiteral', () => {
  it('reads the generator array literals', () => {
    expect(analytesOfArrayLiteral('{}')).toEqual([]);
    expect(analytesOfArrayLiteral('{fentanyl}')).toEqual(['fentanyl']);
    expect(analytesOfArrayLiteral('{alcohol,cannabis}')).toEqual(['alcohol', 'cannabis']);
    expect(() => analytesOfArrayLiteral('alcohol')).toThrow('positive_for "alcohol" is not an array literal');
  });
});
