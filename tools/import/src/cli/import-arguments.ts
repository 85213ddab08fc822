import { IMPORT_MODES, SOURCE_SYSTEM_PATTERN, type ImportMode } from '@iop/contracts';
import { parseArgs } from 'node:util';

export const IMPORT_USAGE = [
  'usage: npm run import -- --org <name> --source <label> [--mode merge|snapshot] [--dry-run] [--as-of YYYY-MM-DD]',
  '                         [--timezone <IANA zone for FHIR programs without one>] <files or folders>...',
  '  CSV files are named as their entity (programs.csv, episodes.csv, ...); FHIR R4 as <Type>.ndjson or *.json Bundles.',
  '  A folder imports every .csv, .ndjson and .json file in it.',
].join('\n');

export interface ImportArguments {
  organization: string;
  sourceSystem: string;
  mode: ImportMode;
  dryRun: boolean;
  asOf?: string;
  timezone?: string;
  paths: string[];
  help: boolean;
}

/** A bad command line: the CLI prints the message and the usage, and exits with code 2. */
export class ArgumentError extends Error {}

export function parseImportArguments(argv: string[]): ImportArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // node:util parseArgs prefixes its messages with the error's class and code: the sentence is enough.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ArgumentError(message.replace(/^\w*Error \[[A-Z_]+\]: /, ''));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (help) return { organization: '', sourceSystem: '', mode: 'merge', dryRun: false, paths: [], help };
  if (!values.org?.trim()) throw new ArgumentError('--org <organisation name> is required');
  if (!values.source) throw new ArgumentError('--source <label> is required (the source system, e.g. kipu-east)');
  if (!SOURCE_SYSTEM_PATTERN.test(values.source)) {
    throw new ArgumentError(
      `--source "${values.source}" is not a label: 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit`,
    );
  }
  const mode = values.mode ?? 'merge';
  if (!IMPORT_MODES.includes(mode as ImportMode))
    throw new ArgumentError(`--mode must be merge or snapshot, not "${mode}"`);
  if (values['as-of'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) {
    throw new ArgumentError(`--as-of must be a date (YYYY-MM-DD), not "${values['as-of']}"`);
  }
  if (positionals.length === 0) throw new ArgumentError('name at least one file or folder to import');
  return {
    organization: values.org.trim(),
    sourceSystem: values.source,
    mode: mode as ImportMode,
    dryRun: values['dry-run'] === true,
    asOf: values['as-of'],
    timezone: values.timezone,
    paths: positionals,
    help,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      org: { type: 'string' },
      source: { type: 'string' },
      mode: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'as-of': { type: 'string' },
      timezone: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
}
