import { tz } from '@date-fns/tz';
import { parseISO } from 'date-fns';

const HAS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Milliseconds of a FHIR instant or dateTime with a time of day; one without an offset is read in the time zone
 * given (the program's). Undefined for a date without time, or anything unreadable.
 */
export function instantMillis(text: string | undefined, timeZone: string): number | undefined {
  if (!text || !HAS_TIME.test(text)) return undefined;
  // Date.parse reads ISO 8601 with an offset exactly (and fast: it runs once per observation).
  const millis = HAS_OFFSET.test(text) ? Date.parse(text) : parseISO(text, { in: tz(timeZone) }).getTime();
  return Number.isNaN(millis) ? undefined : millis;
}

/** Whole minutes from start to end (rounded); undefined unless both have a time of day and end is after start. */
export function minutesBetween(
  start: string | undefined,
  end: string | undefined,
  timeZone: string,
): number | undefined {
  const from = instantMillis(start, timeZone);
  const to = instantMillis(end, timeZone);
  if (from === undefined || to === undefined || to <= from) return undefined;
  return Math.round((to - from) / 60_000);
}

/** The hour (UTC) of an instant, as a number: screens of one episode in the same hour are one screen. */
export function utcHourOf(millis: number): number {
  return Math.floor(millis / 3_600_000);
}
