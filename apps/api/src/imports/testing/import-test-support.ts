import type { ImportJob } from '@iop/contracts';
import { readdir } from 'node:fs/promises';
import type { TestApp, TestResponse } from '../../testing/test-app';

/**
 * A small program export in the CSV contract, worked through by hand in imports.spec.ts: one program
 * (Chicago), two staff, two patients, two episodes (E1 discharged 2026-02-20, E2 active), three appointments
 * (two attended). The latest date of service is E1's discharge, 2026-02-20: the import's as-of date.
 */
export const CLINIC_EXPORT: Readonly<Record<string, string>> = {
  'programs.csv': 'source_id,name,level_of_care,timezone\nP1,Lakeside Evening IOP,2.1,America/Chicago\n',
  'staff.csv':
    'source_id,program_source_id,display_name,role\nS1,P1,Counselor One,counselor\nS2,P1,Therapist Two,therapist\n',
  'patients.csv':
    'source_id,birth_year,sex,zip,employment\nPT1,1985,female,60614,employed\nPT2,1999,male,,unemployed\n',
  'episodes.csv':
    'source_id,program_source_id,patient_source_id,level_of_care,referral_source,admit_date,discharge_date,' +
    'discharge_reason,primary_substance,severity,payer,primary_counselor_source_id\n' +
    'E1,P1,PT1,2.1,self,2026-01-05,2026-02-20,1,alcohol,2,medicaid,S1\n' +
    'E2,P1,PT2,2.1,court,2026-02-02,,,opioids,3,commercial,\n',
  'appointments.csv':
    'source_id,episode_source_id,session_type,scheduled_start,duration_min,status,staff_source_id\n' +
    'A1,E1,group,2026-01-06T18:00:00-06:00,180,attended,S1\n' +
    'A2,E1,individual,2026-01-08T18:00:00-06:00,60,no_show,S1\n' +
    'A3,E2,group,2026-02-03T18:00:00-06:00,180,attended,\n',
};

/** Sends files (name -> content) and text fields as multipart/form-data, with a bearer token. */
export async function upload(
  api: TestApp,
  token: string,
  files: Readonly<Record<string, string>>,
  fields: Record<string, string>,
): Promise<TestResponse> {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) form.append('files', new Blob([content]), name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${api.baseUrl}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}

/** Polls GET /imports/:id until the import has finished, for at most `timeoutMs`; never a fixed sleep. */
export async function waitForImport(api: TestApp, token: string, id: string, timeoutMs = 30_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await api.request('GET', `/api/v1/imports/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (status !== 200) throw new Error(`GET /imports/${id} answered ${status}: ${JSON.stringify(body)}`);
    const job = body as ImportJob;
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The import folders under the upload directory, and the files in each. */
export async function keptFiles(root: string): Promise<Record<string, string[]>> {
  const folders = await readdir(root).catch(() => []);
  const kept: Record<string, string[]> = {};
  for (const folder of folders) kept[folder] = (await readdir(`${root}/${folder}`)).sort();
  return kept;
}
