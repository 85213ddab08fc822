/**
 * Test helper, run in a child process by the truth-recovery spec (`tsx --tsconfig tsconfig.base.json`):
 * seeds the synthetic network into the given database and prints the ground truth as JSON on stdout. It
 * runs outside jest because the api's spec compiler (node10 module resolution) cannot type-check the
 * generator, which imports package subpath exports (pure-rand/...).
 *
 * usage: tsx --tsconfig tsconfig.base.json apps/api/src/evidence/testing/seed-network.mts <database url> <preset>
 */
import { loadGroundTruth, seedDatabase, type PresetName } from '@iop/synth';

const [url, preset] = process.argv.slice(2);
if (!url || !preset) throw new Error('usage: seed-network.mts <database url> <preset>');
await seedDatabase(url, { preset: preset as PresetName });
process.stdout.write(`${JSON.stringify(loadGroundTruth())}\n`);
