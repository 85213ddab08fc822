import { parseArgs } from 'node:util';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/export-network';
import { DEFAULT_SEED } from '../lib/generate';
import { PRESET_NAMES, type PresetName } from '../lib/ground-truth';
import { ArgumentError } from './seed-arguments';

export const EXPORT_USAGE =
  'usage: npm run synth:export -- [--preset demo|standard|large] [--seed N] --format csv|fhir --out DIR';

export interface ExportArguments {
  preset: PresetName;
  seed: number;
  format: ExportFormat;
  /** Absolute (resolved against the working directory). */
  outDir: string;
  help: boolean;
}

/**
 * Parses `--preset` (default demo), `--seed` (default 20260630, a non-negative integer), `--format` (csv or
 * fhir) and `--out` (the directory to write); the last two are required unless `--help` is given.
 */
export function parseExportArguments(argv: string[], cwd: string = process.cwd()): ExportArguments {
  let values: { preset?: string; seed?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        preset: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ArgumentError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const help = values.help === true;
  const preset = values.preset ?? 'demo';
  if (!PRESET_NAMES.includes(preset as PresetName)) {
    throw new ArgumentError(`unknown preset "${preset}": use ${PRESET_NAMES.join(', ')}`);
  }
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed.trim()) || !Number.isSafeInteger(seed)) {
      throw new ArgumentError(`--seed must be a non-negative integer, not "${values.seed}"`);
    }
  }
  const format = values.format;
  if (format === undefined && !help) throw new ArgumentError('--format is required: use csv or fhir');
  if (format !== undefined && !EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new ArgumentError(`unknown format "${format}": use ${EXPORT_FORMATS.join(', ')}`);
  }
  const out = values.out?.trim();
  if ((out === undefined || out === '') && !help) throw new ArgumentError('--out is required: the directory to write');
  return {
    preset: preset as PresetName,
    seed,
    format: (format ?? 'csv') as ExportFormat,
    outDir: path.resolve(cwd, out ?? '.'),
    help,
  };
}
