import { assertBinary, assertFiniteNumbers, assertMinimumLength, assertSameLength } from '../validation';

/** Counts at one distinct observed time, the building block of Kaplan-Meier and the log-rank test. */
export interface RiskTableRow {
  time: number;
  /** Subjects still under observation just before `time` (time >= this time). */
  atRisk: number;
  events: number;
  /** Censored at exactly `time`. They count as at risk at `time`, the usual convention (and R's). */
  censored: number;
}

export function assertSurvivalData(
  time: readonly number[],
  event: readonly number[],
  counts?: readonly number[],
): void {
  assertFiniteNumbers(time, 'time');
  assertFiniteNumbers(event, 'event');
  assertSameLength(time, event, 'time', 'event');
  assertMinimumLength(time, 1, 'survival data', 'a curve needs a subject');
  time.forEach((value, index) => {
    if (value < 0) throw new RangeError(`time[${index}] must not be negative, got ${value}`);
  });
  assertBinary(event, 'event');
  if (counts === undefined) return;
  assertSameLength(time, counts, 'time', 'counts');
  counts.forEach((count, index) => {
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`counts[${index}] must be a positive integer, got ${count}`);
    }
  });
}

/**
 * One row per distinct time that has an event or a censoring, in increasing time order. `counts[i]`, when given,
 * is how many subjects the pair (time[i], event[i]) stands for: the table of the pairs repeated that often.
 */
export function buildRiskTable(
  time: readonly number[],
  event: readonly number[],
  counts?: readonly number[],
): RiskTableRow[] {
  // Events and censorings per distinct time in one pass (the order within a time does not matter), then the few
  // distinct times sorted: a sort of every subject's index took most of a curve's time at 120,000 episodes.
  const byTime = new Map<number, { events: number; censored: number }>();
  let atRisk = 0;
  for (let i = 0; i < time.length; i++) {
    const count = counts === undefined ? 1 : counts[i];
    atRisk += count;
    let at = byTime.get(time[i]);
    if (at === undefined) {
      at = { events: 0, censored: 0 };
      byTime.set(time[i], at);
    }
    if (event[i] === 1) at.events += count;
    else at.censored += count;
  }
  const rows: RiskTableRow[] = [];
  for (const current of Float64Array.from(byTime.keys()).sort()) {
    const { events, censored } = byTime.get(current) as { events: number; censored: number };
    rows.push({ time: current, atRisk, events, censored });
    atRisk -= events + censored;
  }
  return rows;
}
