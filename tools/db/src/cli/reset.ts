import path from 'node:path';
import { parseArgs } from 'node:util';
import { resetEmbeddedDatabase } from '../lib/local-state';
import { runCli } from '../lib/startup-error';

const RESET_USAGE = 'usage: npm run db:reset [-- --empty]';

/**
 * `npm run db:reset [-- --empty]`: deletes the embedded database. The next `npm start` creates a new one and
 * seeds the demo network into it, or, after --empty, leaves it empty (a marker beside the data directory says
 * so until the next plain reset). The local secrets are kept.
 */
async function reset(empty: boolean): Promise<void> {
  const dataDir = await resetEmbeddedDatabase({ empty });
  const shownDir = path.relative(process.cwd(), dataDir) || dataDir;
  process.stdout.write(
    empty
      ? `removed ${shownDir}; the next npm start starts with an empty database (no demo network). ` +
          'Create the first admin with `npm run users -- create --email you@example.org --role admin`\n'
      : `removed ${shownDir}; the next npm start seeds a new demo network\n`,
  );
}

function main(): void {
  let empty: boolean;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { empty: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${RESET_USAGE}\n`);
      return;
    }
    empty = values.empty === true;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.stderr.write(`${RESET_USAGE}\n`);
    process.exit(2);
  }
  void runCli(() => reset(empty));
}

main();
