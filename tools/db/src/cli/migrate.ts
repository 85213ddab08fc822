import { runMigrations } from '../lib/migrate';
import { startDatabase } from '../lib/start-database';
import { runCli } from '../lib/startup-error';

/** `npm run db:migrate`: applies the committed migrations to the embedded database or DATABASE_URL. */
void runCli(async () => {
  const database = await startDatabase();
  try {
    const applied = await runMigrations(database.url);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the schema is up to date\n');
  } finally {
    await database.stop();
  }
});
