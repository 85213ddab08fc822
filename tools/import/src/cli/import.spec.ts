import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const WORKSPACE = path.resolve(__dirname, '../../../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run import` as a user runs it, on a test database through DATABASE_URL. */
async function runCommand(databaseUrl: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      path.join(WORKSPACE, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'tools/import/src/cli/import.ts', ...args],
      {
        cwd: WORKSPACE,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          IOP_PATIENT_KEY_SECRET: 'cli-test-patient-key-secret-0123456789',
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import', () => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    // Not migrated: the command applies the migrations itself.
    database = await createTestDatabase({ migrate: false });
    folder = await mkdtemp(path.join(tmpdir(), 'iop-import-cli-'));
    await writeFile(
      path.join(folder, 'programs.csv'),
      'source_id,name,level_of_care,timezone\nP1,North IOP,2.1,America/Chicago\n',
    );
    await writeFile(
      path.join(folder, 'patients.csv'),
      'source_id,birth_year,sex,employment\npt1,1990,female,employed\n',
    );
    await writeFile(
      path.join(folder, 'episodes.csv'),
      'source_id,program_source_id,patient_source_id,level_of_care,referral_source,admit_date,primary_substance,severity,payer\n' +
        'E1,P1,pt1,2.1,self,2026-01-05,alcohol,2,medicaid\n',
    );
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await database.drop();
  });

  it('imports a folder into an empty database (migrations applied, organisation created), exit code 0', async () => {
    const run = await runCommand(database.url, ['--org', 'Lakeside Recovery', '--source', 'kipu-east', folder]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Importing 3 files into Lakeside Recovery, source kipu-east \(merge\)/);
    expect(run.stdout).toMatch(/episodes\s+1\s+1\s+0\s+0\s+0/);
    expect(run.stdout).toMatch(/Imported in [\d.]+ s; the data is as of 2026-01-05/);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; episodes: number }>(
        'SELECT o.name, (SELECT count(*)::integer FROM episodes) AS episodes FROM organizations o',
      );
      expect(rows).toEqual([{ name: 'Lakeside Recovery', episodes: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('exits 1 and prints the rejected rows when a row is rejected, writing nothing', async () => {
    const badFolder = await mkdtemp(path.join(tmpdir(), 'iop-import-cli-bad-'));
    await writeFile(
      path.join(badFolder, 'patients.csv'),
      'source_id,birth_year,sex,employment\npt2,1890,female,employed\n',
    );
    const run = await runCommand(database.url, ['--org', 'Lakeside Recovery', '--source', 'kipu-east', badFolder]);
    await rm(badFolder, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 rejected row; nothing was written:');
    expect(run.stdout).toContain('patients.csv:2 birth_year = "1890": out of range (1900 to 2030)');
  });

  it('exits 2 with the usage for a bad command line', async () => {
    const run = await runCommand(database.url, ['--source', 'kipu-east', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --org <organisation name> is required');
    expect(run.stderr).toContain('usage: npm run import --');
  });
});
