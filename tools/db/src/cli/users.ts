import { runMigrations } from '../lib/migrate';
import { startDatabase } from '../lib/start-database';
import { runCli } from '../lib/startup-error';
import { type AccountOutcome, createAccount } from './users-accounts';
import { ArgumentError, type CreateUserArguments, parseUsersArguments, USERS_USAGE } from './users-arguments';
import { formatAccountList, listAccounts } from './users-list';
import { readNewPassword } from './users-password';

/**
 * `npm run users -- create ...|list`: accounts on the embedded database or DATABASE_URL, with the pending
 * migrations applied first. Exit codes: 0 done, 1 refused (the reason in one line), 2 a bad command line.
 */
async function withDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const database = await startDatabase();
  try {
    await runMigrations(database.url);
    await work(database.url);
  } finally {
    await database.stop();
  }
}

async function create(args: CreateUserArguments): Promise<void> {
  await withDatabase(async (url) => {
    const outcome = await createAccount(url, args, () => readNewPassword());
    process.stdout.write(describe(outcome));
  });
}

async function list(): Promise<void> {
  await withDatabase(async (url) => {
    process.stdout.write(formatAccountList(await listAccounts(url)));
  });
}

function describe(outcome: AccountOutcome): string {
  const organization = `"${outcome.organization.name}"${outcome.organization.created ? ' (new)' : ''}`;
  const programs =
    outcome.programs.length > 0 ? `, programs ${outcome.programs.map((program) => program.name).join(', ')}` : '';
  const sessions = outcome.sessionsEnded > 0 ? `; ${outcome.sessionsEnded} session(s) ended` : '';
  return `${outcome.action} ${outcome.role} ${outcome.email} in ${organization}${programs}${sessions}\n`;
}

function main(): void {
  let args;
  try {
    args = parseUsersArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    process.stderr.write(`error: ${error.message}\n${USERS_USAGE}\n`);
    process.exit(2);
  }
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USERS_USAGE}\n`);
      return;
    case 'list':
      void runCli(() => list());
      return;
    case 'create':
      void runCli(() => create(args));
      return;
  }
}

main();
