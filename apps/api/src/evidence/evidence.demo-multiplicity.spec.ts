import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EvidenceClaim, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const WORKSPACE = path.resolve(__dirname, '../../../..');

interface GroundTruth {
  claims: Array<{ id: number; kind: 'effect' | 'no_effect' }>;
}

/**
 * The demo network as a new user sees it (admin view). Ten claims tested at 95% each show about one chance
 * finding in two boards; before the board controlled the false discovery rate, claim 5 (planted as no effect)
 * came out "associated" here (adjusted slope -0.033, p = 0.038). With Benjamini-Hochberg over the nine claims
 * that have an adjusted p, its q is 0.038 * 9/6 = 0.057.
 */
describe('evidence board on the demo preset: multiplicity', () => {
  let database: TestDatabase;
  let api: TestApp;
  let truth: GroundTruth;
  let claims: EvidenceClaim[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { stdout } = await promisify(execFile)(
      path.join(WORKSPACE, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/evidence/testing/seed-network.mts', database.url, 'demo'],
      { cwd: WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
    );
    truth = JSON.parse(stdout.trim().split('\n').pop() as string) as GroundTruth;
    api = await startTestApp(database.url);
    const { status, body } = await api.get('/api/v1/evidence');
    expect(status).toBe(200);
    claims = (body as EvidenceResponse).claims;
  }, 600_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('no claim planted as no effect (5, 8, 9) is associated', () => {
    const noEffect = truth.claims.filter((claim) => claim.kind === 'no_effect').map((claim) => claim.id);
    expect(noEffect).toEqual(expect.arrayContaining([5, 8, 9]));
    const verdicts = claims.filter((claim) => noEffect.includes(claim.id)).map((claim) => [claim.id, claim.verdict]);
    expect(verdicts).toHaveLength(noEffect.length);
    for (const [id, verdict] of verdicts) expect([id, verdict]).not.toEqual([id, 'associated']);
  });

  it('every claim with an adjusted p has its q, the Benjamini-Hochberg adjustment over those claims', () => {
    const tested = claims.filter((claim) => claim.adjusted.p !== null);
    expect(tested.length).toBeGreaterThanOrEqual(9);
    const n = tested.length;
    const ranked = [...tested].sort((a, b) => (a.adjusted.p as number) - (b.adjusted.p as number));
    // q of the i-th smallest p: min over j >= i of n p_(j) / j, capped at 1.
    ranked.forEach((claim, i) => {
      const q = Math.min(1, ...ranked.slice(i).map((later, j) => (n * (later.adjusted.p as number)) / (i + j + 1)));
      expect(claim.adjusted.q).toBeCloseTo(q, 12);
      expect(claim.adjusted.q as number).toBeGreaterThanOrEqual(claim.adjusted.p as number);
    });
    for (const claim of claims.filter((c) => c.adjusted.p === null)) expect(claim.adjusted.q).toBeNull();
  });

  it('"associated" means the interval excludes no effect and q < 0.05; claim 5 passes the first, not the second', () => {
    for (const claim of claims.filter((c) => c.verdict === 'associated' && c.adjusted.q !== null)) {
      expect(claim.adjusted.q).toBeLessThan(0.05);
    }
    const evening = claims.find((claim) => claim.id === 5) as EvidenceClaim;
    const [low, high] = evening.adjusted.ci95 as [number, number];
    expect(low > 0 || high < 0).toBe(true);
    expect(evening.adjusted.p).toBeLessThan(0.05);
    expect(evening.adjusted.q).toBeGreaterThanOrEqual(0.05);
    expect(evening.verdict).toBe('no_clear_association');
  });

  it("the claim's own page carries the board's q and verdict", async () => {
    const { status, body } = await api.get('/api/v1/evidence/5');
    expect(status).toBe(200);
    const detail = body as EvidenceClaimDetail;
    const onBoard = claims.find((claim) => claim.id === 5) as EvidenceClaim;
    expect(detail.adjusted.q).toBe(onBoard.adjusted.q);
    expect(detail.verdict).toBe(onBoard.verdict);
  });

  it('prints the board (for the record)', () => {
    const summary = claims.map((c) => ({ id: c.id, p: c.adjusted.p, q: c.adjusted.q, verdict: c.verdict }));
    if (process.env['EVIDENCE_PRINT']) console.table(summary);
    expect(summary).toHaveLength(10);
  });
});
