import { z } from 'zod';
import { parseRowAt, QueryRowError, resultRows } from './parse-rows';
import { INT8_TEXT, NUMERIC_TEXT, pg } from './pg-columns';

/** What a column check returns for a value of the wrong type. */
const INVALID = Symbol('invalid');

interface ColumnCheck {
  key: string;
  /** For the message: "an integer", "a string or null". */
  expected: string;
  /** The value as the code reads it, or INVALID. */
  read: (value: unknown) => unknown;
  /** The value read differs from the driver's (a transform), so it is written back into the row. */
  writes: boolean;
}

const check = (expected: string, test: (value: unknown) => boolean): Omit<ColumnCheck, 'key'> => ({
  expected,
  read: (value) => (test(value) ? value : INVALID),
  writes: false,
});

/**
 * The cheap check of one column, from its zod schema: the driver's type (and null where the schema allows it,
 * an enum's values, integer-ness, pg.int8's and pg.numeric's text read as a number) without zod's per-value
 * bookkeeping. Text formats (a YYYY-MM-DD pattern) and array elements are left to the full parse of the first
 * row. Any other schema (a transform, a union) runs through the field's own zod schema.
 */
function columnCheck(field: z.ZodType): Omit<ColumnCheck, 'key'> {
  if (field instanceof z.ZodNullable) {
    const inner = columnCheck(field.unwrap() as z.ZodType);
    return {
      expected: `${inner.expected} or null`,
      read: (value) => (value === null ? null : inner.read(value)),
      writes: inner.writes,
    };
  }
  // The text-to-number columns, without a zod parse per value.
  if (field === pg.int8 || field === pg.numeric) {
    const text = field === pg.int8 ? INT8_TEXT : NUMERIC_TEXT;
    return {
      expected: field === pg.int8 ? 'an int8 as digits' : 'a numeric as a decimal string',
      read: (value) => (typeof value === 'string' && text.test(value) ? Number(value) : INVALID),
      writes: true,
    };
  }
  if (field instanceof z.ZodString) return check('a string', (value) => typeof value === 'string');
  if (field instanceof z.ZodNumber) {
    return field.isInt
      ? check('an integer', (value) => Number.isInteger(value))
      : check('a number', (value) => typeof value === 'number');
  }
  if (field instanceof z.ZodBoolean) return check('a boolean', (value) => typeof value === 'boolean');
  if (field instanceof z.ZodEnum) {
    const allowed = new Set<unknown>(field.options);
    return check(`one of ${field.options.join(', ')}`, (value) => allowed.has(value));
  }
  if (field instanceof z.ZodArray) return check('an array', (value) => Array.isArray(value));
  if (field instanceof z.ZodDate) return check('a Date', (value) => value instanceof Date);
  return {
    expected: 'what its schema accepts',
    read: (value) => {
      const result = field.safeParse(value);
      return result.success ? result.data : INVALID;
    },
    writes: true,
  };
}

const compiled = new WeakMap<z.ZodObject, ColumnCheck[]>();

function columnChecks(schema: z.ZodObject): ColumnCheck[] {
  let checks = compiled.get(schema);
  if (!checks) {
    checks = Object.entries(schema.shape).map(([key, field]) => ({ key, ...columnCheck(field as z.ZodType) }));
    compiled.set(schema, checks);
  }
  return checks;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : value instanceof Date ? 'Date' : typeof value);

/**
 * parseRows for the results of thousands of rows (the evidence rows, the export batches, the quality cases),
 * where zod's full parse of every row costs about as much as the query itself: the first row is parsed in
 * full, and every row, the first included, has every column of the schema checked for its type and read in
 * place (int8 text becomes a number in the row the driver made, which nothing else holds). A renamed or
 * retyped column fails on the first row with zod's message, a value of the wrong type on any row with the
 * row and the column named.
 */
export function parseLargeRows<Schema extends z.ZodObject>(
  query: string,
  schema: Schema,
  rows: unknown,
): z.output<Schema>[] {
  const list = resultRows(query, rows);
  if (list.length === 0) return [];
  parseRowAt(query, schema, list, 0);
  const checks = columnChecks(schema);
  for (let index = 0; index < list.length; index++) {
    const row = list[index];
    if (typeof row !== 'object' || row === null) {
      throw new QueryRowError(`${query}: row ${index + 1} of ${list.length} is ${typeOf(row)}, not a row`);
    }
    const columns = row as Record<string, unknown>;
    for (const { key, expected, read, writes } of checks) {
      const value = read(columns[key]);
      if (value === INVALID) {
        throw new QueryRowError(
          `${query}: row ${index + 1} of ${list.length}: column "${key}": expected ${expected}, received ` +
            typeOf(columns[key]),
        );
      }
      if (writes) columns[key] = value;
    }
  }
  // Every row now has every column of the schema, of its type and read as the schema reads it.
  return list as z.output<Schema>[];
}
