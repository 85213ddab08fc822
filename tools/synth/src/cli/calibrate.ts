import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { boardExpectations } from '../analysis/board-expectations';
import { collectFacts } from '../analysis/collect-facts';
import { measureTargets } from '../analysis/distribution-targets';
import { GROUND_TRUTH_PATH, loadGroundTruth } from '../lib/ground-truth';

/**
 * `npx tsx --tsconfig tsconfig.base.json tools/synth/src/cli/calibrate.ts`: measures the evidence board's
 * own statistics on a large generated sample (the large preset's size, a seed no preset uses by default)
 * and writes them to ground-truth.json "expectedOnBoard". Run it after changing a planted value or the
 * model; the tests compare a standard-size sample against these values.
 */
const CALIBRATION_SEED = 1;

async function main(): Promise<void> {
  const truth = loadGroundTruth();
  const started = Date.now();
  const { facts, asOf } = collectFacts({ preset: 'large', seed: CALIBRATION_SEED, truth });
  const expected = {
    sample: {
      preset: 'large',
      seed: CALIBRATION_SEED,
      episodes: facts.length,
      generatorVersion: truth.generatorVersion,
      note: 'Statistics as the evidence board computes them (board covariates for adjustment, exposures as defined per claim), with 95% intervals at this sample size.',
    },
    claims: boardExpectations(facts, asOf),
    targets: Object.fromEntries(
      Object.entries(measureTargets(facts)).map(([id, value]) => [id, Number(value.toPrecision(4))]),
    ),
  };
  const text = readFileSync(GROUND_TRUTH_PATH, 'utf8');
  const json = JSON.parse(text) as Record<string, unknown>;
  json['expectedOnBoard'] = expected;
  // Written as Prettier writes it, so the check `npm test` runs on every file stays green after a calibration.
  const options = await resolveConfig(GROUND_TRUTH_PATH);
  writeFileSync(GROUND_TRUTH_PATH, await format(JSON.stringify(json), { ...options, filepath: GROUND_TRUTH_PATH }));
  process.stdout.write(
    `expectedOnBoard written from ${facts.length} episodes in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

void main();
