import { isExists } from 'date-fns';
import { ANALYTES, type FieldKind } from '../entities';

/** A cell read by its column's rule: the value to stage, or why it cannot be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** An instant as staged: its text for PostgreSQL, and whether it lacks an offset (then it is local program time). */
export interface StagedInstant {
  text: string;
  local: boolean;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/i;
const INTEGER_PATTERN = /^[+-]?\d+$/;
const DECIMAL_PATTERN = /^[+-]?(\d+)(?:\.(\d+))?$/;
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);

/** A calendar date: YYYY-MM-DD and a day that exists (2026-02-30 does not). */
export function parseDate(text: string): Parsed<string> {
  const match = DATE_PATTERN.exec(text);
  if (!match) return fail('not a date (YYYY-MM-DD)');
  if (!dayExists(match[1], match[2], match[3])) return fail('not a date that exists');
  return ok(text);
}

/**
 * ISO 8601 date and time (hours 00-23, minutes and seconds 00-59), with an offset or Z; without one it is read
 * later in the program's time zone.
 */
export function parseInstant(text: string): Parsed<StagedInstant> {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return fail('not a date and time (ISO 8601, e.g. 2026-03-02T09:00:00-05:00)');
  if (!dayExists(match[1], match[2], match[3])) return fail('not a date that exists');
  return ok({ text, local: match[7] === undefined });
}

const dayExists = (year: string, month: string, day: string): boolean =>
  isExists(Number(year), Number(month) - 1, Number(day));

export function parseBoolean(text: string): Parsed<boolean> {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('not a boolean (true/false, t/f, yes/no, 1/0)');
}

export function parseInteger(text: string, min: number, max: number): Parsed<number> {
  if (!INTEGER_PATTERN.test(text)) return fail('not a whole number');
  const value = Number(text);
  if (value < min || value > max) return fail(`out of range (${min} to ${max})`);
  return ok(value);
}

/** A decimal kept as text, so that 1234.50 reaches PostgreSQL's numeric without a binary rounding. */
export function parseDecimal(text: string, min: number, max: number, scale: number): Parsed<string> {
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return fail('not a number');
  if ((match[2]?.length ?? 0) > scale) return fail(`more than ${scale} decimal places`);
  const value = Number(text);
  if (value < min || value > max) return fail(`out of range (${min} to ${max})`);
  return ok(text);
}

/** Dollars with at most two decimals as whole cents, from the digits rather than through a float. */
export function dollarsToCents(text: string): number {
  const [whole, fraction = ''] = text.replace(/^\+/, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const timeZoneCache = new Map<string, boolean>();

/** An IANA time-zone name that this runtime (and so PostgreSQL's tz database, in practice) knows. */
export function parseTimezone(text: string): Parsed<string> {
  let known = timeZoneCache.get(text);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: text });
      known = text.includes('/') || text === 'UTC';
    } catch {
      known = false;
    }
    timeZoneCache.set(text, known);
  }
  return known ? ok(text) : fail('not an IANA time zone (e.g. America/Chicago)');
}

/** Analytes separated by `;`, each from the schema's list, as a PostgreSQL array literal. */
export function parseAnalytes(text: string): Parsed<string[]> {
  const analytes = [...new Set(text.split(';').map((part) => part.trim().toLowerCase()))].filter(Boolean);
  const unknown = analytes.filter((analyte) => !ANALYTES.includes(analyte));
  if (unknown.length > 0) return fail(`unknown analyte ${unknown.join(', ')} (expected ${ANALYTES.join(', ')})`);
  return ok(analytes);
}

/** A cell read by its column's kind. Vocabulary values are matched without regard to case and stored lower-case. */
export function parseField(kind: FieldKind, text: string): Parsed<unknown> {
  switch (kind.type) {
    case 'text':
      return text.length > kind.maxLength ? fail(`longer than ${kind.maxLength} characters`) : ok(text);
    case 'reference':
      return text.length > 200 ? fail('longer than 200 characters') : ok(text);
    case 'vocabulary': {
      const value = text.toLowerCase();
      return kind.values.includes(value) ? ok(value) : fail(`not one of ${kind.values.join(', ')}`);
    }
    case 'integer':
      return parseInteger(text, kind.min, kind.max);
    case 'decimal':
      return parseDecimal(text, kind.min, kind.max, kind.scale);
    case 'date':
      return parseDate(text);
    case 'instant':
      return parseInstant(text);
    case 'boolean':
      return parseBoolean(text);
    case 'timezone':
      return parseTimezone(text);
    case 'analytes':
      return parseAnalytes(text);
  }
}
