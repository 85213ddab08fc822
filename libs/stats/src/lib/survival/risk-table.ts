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

export function assertSurvivalData(time: readonly number[], event: readonly number[]): void {
  assertFiniteNumbers(time, 'time');
  assertFiniteNumbers(event, 'event');
  assertSameLength(time, event, 'time', 'event');
  assertMinimumLength(time, 1, 'survival data', 'a curve needs a subject');
  time.forEach((value, index) => {
    if (value < 0) throw new RangeError(`time[${index}] must not be negative, got ${value}`);
  });
  assertBinary(event, 'event');
}

/** One row per distinct time that has an event or a censoring, in increasing time order. */
export function buildRiskTable(time: readonly number[], event: readonly number[]): RiskTableRow[] {
  const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b]);
  const rows: RiskTableRow[] = [];
  let atRisk = time.length;
  for (let k = 0; k < order.length; ) {
    const current = time[order[k]];
    let events = 0;
    let censored = 0;
    for (; k < order.length && time[order[k]] === current; k++) {
      if (event[order[k]] === 1) events++;
      else censored++;
    }
    rows.push({ time: current, atRisk, events, censored });
    atRisk -= events + censored;
  }
  return rows;
}
