import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EarlyWarningResponse } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const WORKSPACE = path.resolve(__dirname, '../../../..');
/** demo by default; IOP_EARLY_WARNING_PRESET=standard (or large) measures what docs/METRICS.md reports. */
const PRESET = process.env['IOP_EARLY_WARNING_PRESET'] ?? 'demo';

/**
 * The early-warning model on the synthetic network: seeds the preset, asks for the list as an admin, and prints
 * the validation (docs/METRICS.md "Early warning" quotes it for the standard and large presets).
 */
describe(`early warning on the synthetic ${PRESET} network`, () => {
  let database: TestDatabase;
  let api: TestApp;
  let answer: EarlyWarningResponse;
  let seconds: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await promisify(execFile)(
      path.join(WORKSPACE, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/evidence/testing/seed-network.mts', database.url, PRESET],
      { cwd: WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
    );
    api = await startTestApp(database.url);
    const started = performance.now();
    const { status, body } = await api.get('/api/v1/early-warning');
    seconds = (performance.now() - started) / 1000;
    expect(status).toBe(200);
    answer = body as EarlyWarningResponse;
  }, 1_800_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('validates the model on the period after the cut-off and lists every active episode', () => {
    const { validation, model, rows, ranking, modelUsable } = answer;
    process.stdout.write(
      `${JSON.stringify({ preset: PRESET, seconds, ranking, modelUsable, model, validation, rows: rows.length })}\n`,
    );
    expect(validation).not.toBeNull();
    expect(model).not.toBeNull();
    expect(validation?.validationEvents).toBeGreaterThan(0);
    expect(validation?.calibration).toHaveLength(10);
    expect(rows.length).toBeGreaterThan(0);
    // The C-statistic's interval brackets its estimate and the ranking follows the rule on its lower bound.
    const c = validation?.cStatistic;
    expect(c?.lower).toBeLessThanOrEqual(c?.estimate as number);
    expect(c?.upper).toBeGreaterThanOrEqual(c?.estimate as number);
    expect(modelUsable).toBe((c?.lower as number) >= 0.6);
  });
});
