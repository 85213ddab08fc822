import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportFile } from '../lib/source-record';

/**
 * A small program export in the CSV contract, worked through by hand in the specs:
 * two programs (Chicago and New York), one counselor, two patients, two episodes (one discharged, one active),
 * three appointments (one without an offset: local Chicago time), one screen, one charge.
 */
export const SMALL_EXPORT: Readonly<Record<string, string>> = {
  'programs.csv':
    'source_id,name,level_of_care,timezone\nP1,North IOP,2.1,America/Chicago\nP2,South Clinic,1,America/New_York\n',
  'staff.csv': 'source_id,program_source_id,display_name,role\nS1,P1,Counselor One,counselor\n',
  'patients.csv':
    'source_id,birth_date,sex,zip,employment\npt1,1990-05-17,female,60614-1234,employed\npt2,1985-01-01,male,,unemployed\n',
  'episodes.csv':
    'source_id,program_source_id,patient_source_id,level_of_care,referral_date,referral_source,admit_date,discharge_date,discharge_reason,primary_substance,oud,severity,payer,primary_counselor_source_id\n' +
    'E1,P1,pt1,2.1,2026-01-02,self,2026-01-05,2026-02-27,1,opioids,true,2,medicaid,S1\n' +
    'E2,P2,pt2,1,,court,2026-02-02,,,alcohol,,3,commercial,\n',
  'appointments.csv':
    'source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id\n' +
    'A1,E1,group,2026-01-05T09:00:00,180,in_person,attended,S1\n' +
    'A2,E1,individual,2026-01-07T09:00:00-06:00,60,telehealth,no_show,S1\n' +
    'A3,E2,individual,2026-03-02T14:00:00Z,50,,attended,\n',
  'drug_screens.csv':
    'source_id,episode_source_id,collected_at,expected,result,positive_for\nD1,E1,2026-01-06T10:30:00-06:00,yes,positive,fentanyl;opioids\n',
  'charges.csv': 'source_id,episode_source_id,service_date,code,amount,payer\nC1,E1,2026-01-05,H0015,1234.5,medicaid\n',
};

/** Writes files into a new temporary folder; `files` lists them for an import. */
export async function writeExport(contents: Readonly<Record<string, string | Buffer>>): Promise<{
  dir: string;
  files: ImportFile[];
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iop-import-'));
  const files: ImportFile[] = [];
  for (const [name, content] of Object.entries(contents)) {
    const filePath = path.join(dir, name);
    await writeFile(filePath, content);
    files.push({ path: filePath, name });
  }
  return { dir, files, remove: () => rm(dir, { recursive: true, force: true }) };
}

export const TEST_PATIENT_KEY_SECRET = 'test-patient-key-secret-0123456789abcdef';
