import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../lib/start-database';
import { runCli } from '../lib/startup-error';

/** `npm run db:reset`: deletes the embedded database; the next `npm start` creates and seeds a new one. */
void runCli(async () => {
  const dataDir = path.resolve(process.env['IOP_DATA_DIR'] ?? DEFAULT_DATA_DIR);
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.password`, { force: true });
  process.stdout.write(
    `removed ${path.relative(process.cwd(), dataDir)}; the next npm start seeds a new demo network\n`,
  );
});
