import { runCli } from '@iop/db-server';
import { exportSyntheticNetwork } from '../lib/export/export-network';
import { ArgumentError } from './seed-arguments';
import { EXPORT_USAGE, parseExportArguments, type ExportArguments } from './export-arguments';
import { createSeedProgress } from './seed-progress';

/**
 * `npm run synth:export -- [--preset demo|standard|large] [--seed N] --format csv|fhir --out DIR`: writes the
 * synthetic network as the files of the import contract (CSV files or FHIR R4 NDJSON), straight from the
 * generator (no database), then prints each file with its rows and the time taken.
 */
async function exportNetwork(args: ExportArguments): Promise<void> {
  process.stdout.write(
    `Exporting the ${args.preset} network (seed ${args.seed}) as ${args.format} to ${args.outDir}...\n`,
  );
  const progress = createSeedProgress(process.stderr, 'exporting');
  let report;
  try {
    report = await exportSyntheticNetwork({
      preset: args.preset,
      seed: args.seed,
      format: args.format,
      outDir: args.outDir,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  for (const file of report.files) {
    process.stdout.write(`  ${file.name.padEnd(26)} ${file.rows.toLocaleString('en-US').padStart(11)}\n`);
  }
  const rows = report.files.reduce((sum, file) => sum + file.rows, 0);
  process.stdout.write(
    `Wrote ${report.files.length} files (${rows.toLocaleString('en-US')} rows) in ${report.seconds.toFixed(1)} s.\n`,
  );
}

function main(): void {
  let args: ExportArguments;
  try {
    args = parseExportArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    process.stderr.write(`error: ${error.message}\n${EXPORT_USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return;
  }
  void runCli(() => exportNetwork(args));
}

main();
