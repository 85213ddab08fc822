import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where `npm start` keeps what it generates for this machine (beside the embedded database's data directory,
 * as its superuser password is): the token-signing secret and the demo accounts' password.
 */
export function localStateDir(): string {
  return path.dirname(path.resolve(process.env['IOP_DATA_DIR'] ?? '.data/pg'));
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

/** The demo password: DEMO_PASSWORD when set, else a random one; kept so that later starts can print it. */
export async function demoPassword(file: string): Promise<string> {
  const chosen = process.env['DEMO_PASSWORD'];
  if (!chosen) return readOrCreateSecret(file, true);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, chosen, { mode: 0o600 });
  return chosen;
}
