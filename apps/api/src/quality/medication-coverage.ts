import type { Fill } from './quality-cases.query';

/**
 * The conversions below, remembered: a whole network's measures convert about a million dates, of a few thousand
 * distinct days, and parsing or formatting each took about half of the measures' time (docs/PERFORMANCE.md). Dropped
 * whole when full, which a real calendar of a few decades never fills.
 */
const CONVERSIONS_KEPT = 50_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, string>();

function remembered<K, V>(memory: Map<K, V>, key: K, convert: (key: K) => V): V {
  let value = memory.get(key);
  if (value === undefined) {
    if (memory.size >= CONVERSIONS_KEPT) memory.clear();
    value = convert(key);
    memory.set(key, value);
  }
  return value;
}

/** Days since 1970-01-01 of an ISO date: whole-day arithmetic without time zones. */
export const dayNumber = (isoDate: string): number =>
  remembered(dayNumbers, isoDate, (date) => Date.parse(`${date}T00:00:00Z`) / 86_400_000);
export const isoDate = (day: number): string =>
  remembered(isoDates, day, (number) => new Date(number * 86_400_000).toISOString().slice(0, 10));

/** Days covered by one fill, first and last inclusive (day numbers). */
export interface CoveredSpan {
  first: number;
  last: number;
}

/**
 * The days the fills cover, fills in dispense order, each overlapping fill shifted forward to start the day
 * after the previous one runs out: a patient who refills early keeps the tablets for later, so the early days
 * are not lost (the public summaries of POD and PDC shift the same way). The spans never overlap.
 */
export function shiftedCoverage(fills: readonly Fill[]): CoveredSpan[] {
  const ordered = [...fills].sort((a, b) => a.on.localeCompare(b.on));
  const spans: CoveredSpan[] = [];
  let nextFree = Number.NEGATIVE_INFINITY;
  for (const fill of ordered) {
    const first = Math.max(dayNumber(fill.on), nextFree);
    const last = first + fill.days - 1;
    spans.push({ first, last });
    nextFree = last + 1;
  }
  return spans;
}

/** The largest gap (in uncovered days) that still counts as continuous treatment: 8 or more breaks it. */
export const MAX_ALLOWED_GAP_DAYS = 7;

/** The last day of continuous coverage from the first fill: a gap of MAX_ALLOWED_GAP_DAYS or fewer is bridged. */
export function continuousCoverageEnd(spans: readonly CoveredSpan[]): number | null {
  if (!spans.length) return null;
  let end = spans[0].last;
  for (const span of spans.slice(1)) {
    if (span.first - end - 1 > MAX_ALLOWED_GAP_DAYS) break;
    end = Math.max(end, span.last);
  }
  return end;
}

/** Days from `from` to `to` (inclusive) that any span covers. */
export function daysCovered(spans: readonly CoveredSpan[], from: number, to: number): number {
  return spans.reduce((sum, span) => sum + Math.max(0, Math.min(span.last, to) - Math.max(span.first, from) + 1), 0);
}
