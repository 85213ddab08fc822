// Runs one import in a child process, for the test that kills it with SIGKILL in the middle of the merge.
// argv: database URL, then the files' paths.
import path from 'node:path';
import { runImport } from '../lib/pipeline/run-import';
import { TEST_PATIENT_KEY_SECRET } from './csv-fixture';

const [databaseUrl, ...paths] = process.argv.slice(2);
void runImport(databaseUrl, {
  organization: 'Lakeside Recovery',
  sourceSystem: 'kipu-east',
  mode: 'merge',
  dryRun: false,
  files: paths.map((filePath) => ({ path: filePath, name: path.basename(filePath) })),
  patientKeySecret: TEST_PATIENT_KEY_SECRET,
  via: 'cli',
}).then((outcome) => process.stdout.write(`${outcome.status}\n`));
