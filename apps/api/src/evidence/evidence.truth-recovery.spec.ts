import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { dollarsOrNull, type EvidenceClaim, type EvidenceResponse } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** The part of tools/synth/ground-truth.json this test reads (it arrives as JSON from the child process). */
interface GroundTruth {
  claims: Array<{ id: number; kind: 'effect' | 'no_effect'; planted: number; parameter: string }>;
  expectedOnBoard?: Record<string, unknown>;
}

/** Seeds the preset with @iop/synth's seedDatabase and returns loadGroundTruth(), both in a tsx child process. */
async function seedAndLoadTruth(url: string, preset: string): Promise<GroundTruth> {
  const { stdout } = await promisify(execFile)(
    path.join(WORKSPACE, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/evidence/testing/seed-network.mts', url, preset],
    { cwd: WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as GroundTruth;
}

/**
 * Claims whose planted value is itself in the board's adjusted measure: least-squares slopes (1, 2) and Cox
 * hazard ratios of disengagement (3, 10).
 */
const PLANTED_IN_BOARD_MEASURE = [1, 2, 3, 10];

describe('evidence board truth recovery on the standard preset', () => {
  let truth: GroundTruth;
  let database: TestDatabase;
  let api: TestApp;
  let claims: Map<number, EvidenceClaim>;

  beforeAll(async () => {
    database = await createTestDatabase();
    truth = await seedAndLoadTruth(database.url, 'standard');
    api = await startTestApp(database.url);
    const { status, body } = await api.get('/api/v1/evidence');
    expect(status).toBe(200);
    claims = new Map((body as EvidenceResponse).claims.map((claim) => [claim.id, claim]));
  }, 600_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const plantedEffect = (id: number) => {
    const planted = truth.claims.find((claim) => claim.id === id);
    if (!planted) throw new Error(`claim ${id} is not in the ground truth`);
    return planted;
  };

  it.each(PLANTED_IN_BOARD_MEASURE)('claim %d: the adjusted 95%% interval contains the planted value', (id) => {
    const planted = plantedEffect(id);
    expect(planted.kind).toBe('effect');
    const { adjusted, verdict } = claims.get(id) as EvidenceClaim;
    const [low, high] = adjusted.ci95 as [number, number];
    expect(low).toBeLessThanOrEqual(planted.planted);
    expect(high).toBeGreaterThanOrEqual(planted.planted);
    expect(verdict).toBe('associated');
  });

  it('every claim planted as no effect (5, 8 readiness, 9) has no clear association', () => {
    const noEffect = truth.claims.filter((claim) => claim.kind === 'no_effect').map((claim) => claim.id);
    expect(noEffect.length).toBeGreaterThan(0);
    expect(noEffect.map((id) => [id, claims.get(id)?.verdict])).toEqual(
      noEffect.map((id) => [id, 'no_clear_association']),
    );
  });

  it.each([1, 10])('claim %d, confounded by severity: the adjusted estimate is closer to the planted value', (id) => {
    const planted = plantedEffect(id).planted;
    const { adjusted, unadjusted } = claims.get(id) as EvidenceClaim;
    expect(Math.abs((adjusted.estimate as number) - planted)).toBeLessThan(
      Math.abs((unadjusted.estimate as number) - planted),
    );
  });

  it('claim 7, a protective hazard ratio of disengagement: the adjusted odds ratio of completion is above 1', () => {
    expect(plantedEffect(7).planted).toBeLessThan(1);
    const claim = claims.get(7) as EvidenceClaim;
    expect(claim.verdict).toBe('associated');
    expect((claim.adjusted.ci95 as [number, number])[0]).toBeGreaterThan(1);
  });

  it('claim 7: the adjusted odds ratio of completion is consistent with the calibrated board value', () => {
    const expected = (truth.expectedOnBoard?.['claims'] as Record<string, Record<string, { estimate: number }>>)['7'];
    const [low, high] = claims.get(7)?.adjusted.ci95 as [number, number];
    expect(low).toBeLessThanOrEqual(expected['adjustedOddsRatioCompletion'].estimate);
    expect(high).toBeGreaterThanOrEqual(expected['adjustedOddsRatioCompletion'].estimate);
  });

  it('claim 6: IOP cost per client-week is the calibrated board value, and IOP is cheaper than inpatient care', () => {
    const expected = (truth.expectedOnBoard?.['claims'] as Record<string, Record<string, number>>)['6'];
    const claim = claims.get(6) as EvidenceClaim;
    if (claim.chart.type !== 'cost_bars') throw new Error(`claim 6 has a ${claim.chart.type} chart`);
    const iopPerWeekAmount = claim.chart.bars.find((bar) => bar.levelOfCare === '2.1')?.costPerWeek;
    const iopPerWeek = dollarsOrNull(iopPerWeekAmount) as number;
    expect(Math.abs(iopPerWeek / expected['iopChargesPerClientWeekUsd'] - 1)).toBeLessThan(0.05);
    expect(claim.unadjusted.ci95).not.toBeNull();
    expect(claim.verdict).toBe('associated');
  });

  it('GET /api/v1/evidence/:id adds the Kaplan-Meier steps; unknown ids are 404', async () => {
    const { status, body } = await api.get('/api/v1/evidence/10');
    expect(status).toBe(200);
    const curves = (body as { detail: { curves: Array<{ steps: unknown[] }> } }).detail.curves;
    expect(curves).toHaveLength(2);
    expect(curves[0].steps.length).toBeGreaterThan(10);
    expect((await api.get('/api/v1/evidence/6')).status).toBe(200);
    expect((await api.get('/api/v1/evidence/11')).status).toBe(404);
    expect((await api.get('/api/v1/evidence/abc')).status).toBe(400);
  });

  it('prints the board (for the record)', () => {
    const summary = [...claims.values()].map((c) => ({
      id: c.id,
      n: c.n,
      unadjusted: [c.unadjusted.estimate, ...(c.unadjusted.ci95 ?? [])].map((v) => v?.toPrecision(4)).join(' '),
      adjusted: [c.adjusted.estimate, ...(c.adjusted.ci95 ?? [])].map((v) => v?.toPrecision(4)).join(' '),
      verdict: c.verdict,
    }));
    if (process.env['EVIDENCE_PRINT']) console.table(summary);
    expect(summary).toHaveLength(10);
  });
});
