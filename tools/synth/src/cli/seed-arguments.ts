import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../lib/generate';
import { PRESET_NAMES, type PresetName } from '../lib/ground-truth';

export const SEED_USAGE = 'usage: npm run seed -- [--preset demo|standard|large] [--seed N]';

export interface SeedArguments {
  preset: PresetName;
  seed: number;
  help: boolean;
}

/** A bad command line: the CLI prints the message and the usage, and exits with code 2. */
export class ArgumentError extends Error {}

/** Parses `--preset` (default demo) and `--seed` (default 20260630, a non-negative integer). */
export function parseSeedArguments(argv: string[]): SeedArguments {
  let values: { preset?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { preset: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ArgumentError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
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
  return { preset: preset as PresetName, seed, help: values.help === true };
}
