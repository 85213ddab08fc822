import type { CostSummaryResponse } from '@iop/contracts';
import path from 'node:path';
import { threadId as mainThreadId } from 'node:worker_threads';
import { CLAIM_IDS, claimCards, type ClaimInputs } from './board-claims';
import type { EvidenceRow } from './evidence-rows.query';
import { EvidenceWorkers, sourceWorkerScript } from './evidence-workers';
import { packRows, unpackRows } from './packed-rows';
import type { TestTask } from './testing/exiting.worker';
import { WorkerPool } from './worker-pool';

/** A deterministic selection of episodes, varied enough for every model to be fitted (no Math.random). */
function syntheticRows(count: number): EvidenceRow[] {
  let state = 20261207;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  return Array.from({ length: count }, (): EvidenceRow => {
    const severity = pick([1, 2, 3]);
    const lengthOfStay = 5 + Math.floor(next() * 150);
    const dischargeReason = next() < 0.2 ? null : pick([1, 1, 2, 3, 4]);
    const maybe = (value: number) => (next() < 0.1 ? null : value);
    return {
      levelOfCare: pick(['2.1', '1', '2.5']),
      ageBand: pick(['18-25', '26-34', '35-44', '45-54']),
      sex: pick(['female', 'male']),
      substance: pick(['alcohol', 'opioids', 'stimulants', 'cannabis']),
      severity,
      priorEpisodes: pick([0, 0, 1, 2, 4]),
      payer: pick(['medicaid', 'commercial', 'medicare']),
      employment: pick(['employed', 'student', 'unemployed']),
      oud: next() < 0.4,
      mat: next() < 0.5,
      lengthOfStay,
      daysFollowed: lengthOfStay + Math.floor(next() * 200),
      dischargeReason,
      scheduledHoursPerWeek28: maybe(6 + next() * 6),
      complianceScore: maybe(next()),
      individualSessionsPerWeek28: maybe(next() * 2),
      alliance: maybe(20 + next() * 40),
      groupsAttendedPerWeek28: maybe(next() * 4),
      familyAttended28: next() < 0.3,
      eveningWeekendShare: maybe(next()),
      attendanceRate: maybe(0.4 + next() * 0.6),
      negativeScreenRate28: maybe(next()),
      readinessChange: maybe(Math.round(next() * 6) - 2),
      abstinentFinal4Weeks: next() < 0.5,
      mutualHelpPerWeek: maybe(next() * 3),
      negativeScreenRate: maybe(next()),
      active: dischargeReason === null,
      chargesCents: Math.floor(next() * 1_000_000),
    };
  });
}

const FIELDS = Object.keys(syntheticRows(1)[0]) as Array<keyof EvidenceRow>;

describe('packed rows (how the rows reach the worker threads)', () => {
  it('reads back every field of every row, nulls included', () => {
    const rows = syntheticRows(500);
    const unpacked = unpackRows(packRows(rows));
    expect(unpacked).toHaveLength(500);
    expect(unpacked.map((row) => FIELDS.map((field) => row[field]))).toEqual(
      rows.map((row) => FIELDS.map((field) => row[field])),
    );
  });
});

describe('EvidenceWorkers', () => {
  const workers = new EvidenceWorkers();
  afterAll(() => workers.onModuleDestroy());

  const rows = syntheticRows(800);
  // Claim 6 reads the costs summary; the others never do.
  const inputs: ClaimInputs = { rows, costs: undefined as unknown as CostSummaryResponse, slotAttendance: [] };
  const packed = { ...inputs, rows: packRows(rows) };
  const withoutCosts = CLAIM_IDS.filter((id) => id !== 6);

  it('fits the claims in worker threads, with the answers of the same code on the main thread', async () => {
    const { cards, threadIds } = await workers.compute(packed, withoutCosts);
    expect(threadIds.length).toBeGreaterThan(0);
    expect(threadIds).not.toContain(mainThreadId);
    expect(cards.map((card) => card.claim.id)).toEqual(withoutCosts);
    expect(cards).toEqual(claimCards(inputs, withoutCosts));
    // The models were fitted, not skipped: slopes and hazard ratios have estimates.
    expect(cards.filter((card) => card.claim.adjusted.estimate !== null).length).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('rejects with the error the claim throws on the main thread, of the same class', async () => {
    let expected: unknown;
    try {
      claimCards(inputs, [6]);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(TypeError);
    const failing = workers.compute(packed, [6]);
    await expect(failing).rejects.toThrow(TypeError);
    await expect(failing).rejects.toThrow((expected as Error).message);
    // The worker is still there for the next board.
    expect((await workers.compute(packed, [1])).cards).toHaveLength(1);
  }, 60_000);
});

describe('WorkerPool', () => {
  const script = sourceWorkerScript(path.join(__dirname, 'testing', 'exiting.worker.ts'));

  it('rejects the task of a worker that dies, and serves the next task with a new worker', async () => {
    const pool = new WorkerPool<TestTask, number>(script, 1);
    try {
      const first = await pool.run('thread');
      expect(first).not.toBe(mainThreadId);
      await expect(pool.run('exit')).rejects.toThrow('a worker thread stopped (exit code 3)');
      await expect(pool.run('throw')).rejects.toThrow(new RangeError('asked to throw'));
      const replacement = await pool.run('thread');
      expect(replacement).not.toBe(first);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('queues tasks beyond its size and rejects what is left when closed', async () => {
    const pool = new WorkerPool<TestTask, number>(script, 2);
    const answers = await Promise.all(Array.from({ length: 5 }, () => pool.run('thread')));
    expect(new Set(answers).size).toBeLessThanOrEqual(2);
    const pending = expect(pool.run('thread')).rejects.toThrow('the worker pool was closed');
    await pool.close();
    await pending;
    await expect(pool.run('thread')).rejects.toThrow('the worker pool is closed');
  }, 60_000);

  it('moves the buffers it is told to transfer, and copies the others', async () => {
    const pool = new WorkerPool<TestTask, number>(script, 1);
    try {
      const copied = Float64Array.from([1, 2, 3.5]);
      expect(await pool.run({ sum: copied })).toBe(6.5);
      expect(Array.from(copied)).toEqual([1, 2, 3.5]);
      const moved = Float64Array.from([1, 2, 3.5, 4]);
      expect(await pool.run({ sum: moved }, [moved.buffer])).toBe(10.5);
      // Detached here: the worker received the memory itself, not a copy.
      expect(moved.length).toBe(0);
      expect(moved.buffer.byteLength).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
