import { z } from 'zod';

/** The text node-postgres gives for an int8. */
export const INT8_TEXT = /^-?\d+$/;
/** The text node-postgres gives for a numeric (PostgreSQL never writes one with an exponent). */
export const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Column schemas for the row parsers, named after the PostgreSQL type and read the way node-postgres hands it
 * over with the API's data source (no custom type parsers): int2/int4 and float8 arrive as numbers, int8 and
 * numeric as strings (exact, so the driver leaves the rounding to us), boolean as boolean, timestamptz as a
 * Date, arrays as arrays and json/jsonb parsed. Dates are always turned into text in the SQL (to_char), because
 * the driver would make a `date` a local-midnight Date and shift it by the server's time zone.
 */
export const pg = {
  /** int2 or int4. */
  int: z.number().int(),
  /** int8 (count(*), sum of int4, a bigint column) as node-postgres returns it: digits, read as a number. */
  int8: z.string().regex(INT8_TEXT, 'expected an int8 as a string of digits').transform(Number),
  /** numeric (avg of integers, sum of int8, a ::numeric expression): a decimal string, read as a number. */
  numeric: z.string().regex(NUMERIC_TEXT, 'expected a numeric as a decimal string').transform(Number),
  /** float8 (avg or percentile_cont of double precision, a ::float8 cast). */
  float8: z.number(),
  bool: z.boolean(),
  text: z.string(),
  /** Any 8-4-4-4-12 hex id (gen_random_uuid() gives version 4, but the parser need not insist). */
  uuid: z.guid(),
  /** A date the SQL formatted with to_char(..., 'YYYY-MM-DD'). */
  isoDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  /** A month the SQL formatted with to_char(..., 'YYYY-MM'). */
  isoMonth: z.string().regex(/^\d{4}-\d{2}$/, 'expected a month as YYYY-MM'),
  timestamptz: z.date(),
  /** A timestamptz as the API's answers carry it: ISO 8601 text in UTC. */
  isoTimestamp: z.date().transform((at) => at.toISOString()),
  intArray: z.array(z.number().int()),
  textArray: z.array(z.string()),
} as const;
