import { readOrCreateSecret } from '@iop/db-server';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The demo password: DEMO_PASSWORD when set, else a random one; kept so that later starts can print it. */
export async function demoPassword(file: string): Promise<string> {
  const chosen = process.env['DEMO_PASSWORD'];
  if (!chosen) return readOrCreateSecret(file, true);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, chosen, { mode: 0o600 });
  return chosen;
}
