import type { EvidenceResponse } from '@iop/contracts';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { startFixtureApp, type TestApp } from '../testing/test-app';
import { EvidenceRowsQuery } from './evidence-rows.query';

/**
 * Only data that cannot support a model (NotEstimableError) is "not enough data". Any other error in a claim,
 * thrown inside the board's worker threads, must reach the HTTP answer as a 500: here the rows reach the
 * workers with a NaN exposure, as a bug upstream would deliver them, which the least-squares fit rejects.
 */
describe('GET /api/v1/evidence when a claim fails for another reason than the data', () => {
  let api: TestApp;
  // Taken before the spy replaces it; called with the query as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const rowsOf = EvidenceRowsQuery.prototype.byIds;
  const run = jest.spyOn(EvidenceRowsQuery.prototype, 'byIds');
  const logged = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
  });
  afterAll(async () => {
    run.mockRestore();
    logged.mockRestore();
    await api.close();
  });

  it('answers 500 from the board and from the claim, not "not enough data"', async () => {
    run.mockImplementation(async function (this: EvidenceRowsQuery, ...args: Parameters<EvidenceRowsQuery['byIds']>) {
      const episodes = await rowsOf.apply(this, args);
      return episodes.map((episode) => ({ ...episode, row: { ...episode.row, scheduledHoursPerWeek28: NaN } }));
    });
    const board = await api.get('/api/v1/evidence');
    expect(board.status).toBe(500);
    expect(JSON.stringify(board.body)).not.toContain('not_enough_data');
    expect((await api.get('/api/v1/evidence/1')).status).toBe(500);
    // The 500 is the worker's error, passed on: claim 1's fit refusing the NaN exposure.
    const messages = logged.mock.calls.map((call) =>
      call.map((part) => (part instanceof Error ? (part.stack ?? part.message) : String(part))).join(' '),
    );
    expect(messages.some((message) => /must be a finite number[\s\S]*in a worker thread/.test(message))).toBe(true);
  }, 60_000);

  it('answers 200 again once the rows are sound (a failed board is not cached)', async () => {
    run.mockRestore();
    // The API keeps the rows it read until their facts rows are rewritten (evidence-row-store.ts): rewritten in
    // place, as a load would, they are read again, sound. The data version stays, so a cached failure would show.
    const database = new Client({ connectionString: api.databaseUrl });
    await database.connect();
    await database.query('UPDATE episode_facts SET as_of = as_of');
    await database.end();
    const { status, body } = await api.get('/api/v1/evidence');
    expect(status).toBe(200);
    expect((body as EvidenceResponse).claims.map((claim) => claim.verdict)).toEqual(Array(10).fill('not_enough_data'));
  }, 60_000);
});
