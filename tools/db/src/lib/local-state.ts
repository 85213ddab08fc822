import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from './start-database';
import { StartupError } from './startup-error';

/**
 * Where the project keeps what it generates for this machine, beside the embedded database's data directory
 * (as its superuser password is): the token-signing secret, the patient-key secret, the demo accounts' password
 * and the start-empty marker. `npm run db:reset` deletes the database only, never these.
 */
export function localStateDir(): string {
  return path.dirname(path.resolve(process.env['IOP_DATA_DIR'] ?? DEFAULT_DATA_DIR));
}

/** The file's secret, or a new random one written there (readable by this user only). */
export async function readOrCreateSecret(file: string, fresh = false): Promise<string> {
  if (!fresh && existsSync(file)) {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored) return stored;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** As the API requires of IOP_PATIENT_KEY_SECRET. */
export const PATIENT_KEY_SECRET_MIN_LENGTH = 32;

/** The file that keeps this machine's patient-key secret when IOP_PATIENT_KEY_SECRET is not set. */
export function patientKeySecretFile(): string {
  return path.join(localStateDir(), 'patient-key-secret');
}

/**
 * The key of the keyed hash that turns a source patient id into patient_key on import: IOP_PATIENT_KEY_SECRET
 * when set, else this machine's secret file (created on first use). `npm start` hands the same value to the
 * API, so that an import from the command line and an upload through the API key patients alike. It must not
 * change once data is imported: the same patients imported again under another key become new patients.
 */
export async function patientKeySecret(): Promise<string> {
  const fromEnvironment = process.env['IOP_PATIENT_KEY_SECRET'];
  const secret = fromEnvironment || (await readOrCreateSecret(patientKeySecretFile()));
  if (secret.length < PATIENT_KEY_SECRET_MIN_LENGTH) {
    const where = fromEnvironment ? 'IOP_PATIENT_KEY_SECRET' : `the secret in ${patientKeySecretFile()}`;
    throw new StartupError(
      `${where} must be at least ${PATIENT_KEY_SECRET_MIN_LENGTH} characters, e.g. from \`openssl rand -base64 48\``,
    );
  }
  return secret;
}

/**
 * Left by `npm run db:reset -- --empty`: while it exists, `npm start` does not seed the demo network into an
 * empty database. A plain `npm run db:reset` removes it.
 */
export function startEmptyMarkerFile(): string {
  return path.join(localStateDir(), 'start-empty');
}

/**
 * `npm run db:reset`: deletes the embedded database (its data directory and superuser password) and leaves the
 * start-empty marker when `empty`, else removes it. Returns the data directory.
 */
export async function resetEmbeddedDatabase(options: { empty: boolean }): Promise<string> {
  const dataDir = path.resolve(process.env['IOP_DATA_DIR'] ?? DEFAULT_DATA_DIR);
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.password`, { force: true });
  const marker = startEmptyMarkerFile();
  if (options.empty) {
    await mkdir(path.dirname(marker), { recursive: true });
    await writeFile(
      marker,
      'Written by `npm run db:reset -- --empty`: npm start does not seed the demo network into an empty database.\n' +
        '`npm run db:reset` (without --empty) removes this file.\n',
    );
  } else {
    await rm(marker, { force: true });
  }
  return dataDir;
}
