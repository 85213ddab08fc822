import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localStateDir, patientKeySecret, resetEmbeddedDatabase, startEmptyMarkerFile } from './local-state';

describe('local state beside the embedded database', () => {
  let scratch: string;
  const saved = { dataDir: process.env['IOP_DATA_DIR'], secret: process.env['IOP_PATIENT_KEY_SECRET'] };
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'iop-local-state-'));
    process.env['IOP_DATA_DIR'] = path.join(scratch, 'pg');
    delete process.env['IOP_PATIENT_KEY_SECRET'];
  });
  afterEach(async () => {
    for (const [name, value] of [
      ['IOP_DATA_DIR', saved.dataDir],
      ['IOP_PATIENT_KEY_SECRET', saved.secret],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(scratch, { recursive: true, force: true });
  });

  it('is the folder that holds the data directory', () => {
    expect(localStateDir()).toBe(scratch);
    expect(startEmptyMarkerFile()).toBe(path.join(scratch, 'start-empty'));
  });

  it('patientKeySecret is IOP_PATIENT_KEY_SECRET when set, and writes no file', async () => {
    process.env['IOP_PATIENT_KEY_SECRET'] = 'k'.repeat(32);
    await expect(patientKeySecret()).resolves.toBe('k'.repeat(32));
    expect(existsSync(path.join(scratch, 'patient-key-secret'))).toBe(false);
  });

  it('patientKeySecret refuses an IOP_PATIENT_KEY_SECRET shorter than 32 characters', async () => {
    process.env['IOP_PATIENT_KEY_SECRET'] = 'k'.repeat(31);
    await expect(patientKeySecret()).rejects.toThrow('IOP_PATIENT_KEY_SECRET must be at least 32 characters');
  });

  it('patientKeySecret otherwise creates a random secret file once, readable by its owner only, and keeps it', async () => {
    const first = await patientKeySecret();
    // 32 random bytes in base64url.
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(scratch, 'patient-key-secret');
    expect(await readFile(file, 'utf8')).toBe(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await expect(patientKeySecret()).resolves.toBe(first);
  });

  it('patientKeySecret refuses a secret file whose secret is too short', async () => {
    await writeFile(path.join(scratch, 'patient-key-secret'), 'short\n');
    await expect(patientKeySecret()).rejects.toThrow(/^the secret in .*patient-key-secret must be at least 32/);
  });

  it('resetEmbeddedDatabase deletes the database, leaves the marker with empty, removes it without', async () => {
    const dataDir = path.join(scratch, 'pg');
    await mkdir(path.join(dataDir, 'base'), { recursive: true });
    await writeFile(`${dataDir}.password`, 'secret');
    await writeFile(path.join(scratch, 'jwt-secret'), 'kept');

    await expect(resetEmbeddedDatabase({ empty: true })).resolves.toBe(dataDir);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(`${dataDir}.password`)).toBe(false);
    expect(await readFile(path.join(scratch, 'start-empty'), 'utf8')).toContain('npm run db:reset -- --empty');

    await resetEmbeddedDatabase({ empty: false });
    expect(existsSync(path.join(scratch, 'start-empty'))).toBe(false);
    expect(await readFile(path.join(scratch, 'jwt-secret'), 'utf8')).toBe('kept');
  });
});
