import { runCli, runMigrations, startDatabase, patientKeySecret } from '@iop/db-server';
import { runImport, type ImportOutcome } from '@iop/import';
import { ArgumentError, IMPORT_USAGE, parseImportArguments, type ImportArguments } from './import-arguments';
import { createImportProgress } from './import-progress';
import { collectImportFiles } from './import-files';
import { printOutcome } from './import-summary';

/**
 * `npm run import -- --org <name> --source <label> [--mode merge|snapshot] [--dry-run] <files or folders>`: imports
 * a program's CSV or FHIR files into the embedded database (or DATABASE_URL), after applying pending migrations.
 * Exit code 0 when the import was written (or, for a dry run, would be); 1 when it was rejected or failed.
 */
async function importFiles(args: ImportArguments): Promise<void> {
  const files = await collectImportFiles(args.paths);
  const database = await startDatabase();
  let outcome: ImportOutcome;
  try {
    await runMigrations(database.url);
    process.stdout.write(
      `${args.dryRun ? 'Checking' : 'Importing'} ${files.length} file${files.length === 1 ? '' : 's'} into ${args.organization}, source ${args.sourceSystem} (${args.mode})...\n`,
    );
    const progress = createImportProgress();
    try {
      outcome = await runImport(database.url, {
        organization: args.organization,
        sourceSystem: args.sourceSystem,
        mode: args.mode,
        dryRun: args.dryRun,
        asOf: args.asOf,
        defaultTimezone: args.timezone,
        files,
        patientKeySecret: await patientKeySecret(),
        via: 'cli',
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
    }
  } finally {
    await database.stop();
  }
  printOutcome(outcome, process.stdout);
  if (outcome.status !== 'succeeded') process.exitCode = 1;
}

function main(): void {
  let args: ImportArguments;
  try {
    args = parseImportArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    process.stderr.write(`error: ${error.message}\n${IMPORT_USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return;
  }
  void runCli(() => importFiles(args));
}

main();
