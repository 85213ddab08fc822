import { z } from 'zod';

/**
 * A query's rows did not have the columns its schema names: a column renamed in the SQL (or the view), a
 * missing cast, a type node-postgres hands over differently. Raised at once, instead of letting `undefined`
 * or a string where a number belongs flow into a response.
 */
export class QueryRowError extends Error {
  override readonly name = 'QueryRowError';
}

/** What went wrong, column by column, for the first issues of a row. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const column = issue.path.length ? `column "${issue.path.map(String).join('.')}"` : 'the row';
      return `${column}: ${issue.message}`;
    })
    .join('; ');
}

/** The rows of a result, not yet parsed: for a query whose rows are not all of one shape. */
export function resultRows(query: string, rows: unknown): unknown[] {
  if (!Array.isArray(rows)) throw new QueryRowError(`${query} returned ${typeof rows}, not a list of rows`);
  return rows as unknown[];
}

/**
 * The rows of `query` (the query class's name, for the message), each parsed by `schema`: every column it
 * names must be there with its type, and the transforms turn what node-postgres returns (int8 and numeric
 * as strings) into what the code reads. Throws a QueryRowError that names the query, the row and the column.
 */
export function parseRows<Schema extends z.ZodType>(query: string, schema: Schema, rows: unknown): z.output<Schema>[] {
  const list = resultRows(query, rows);
  const parsed: z.output<Schema>[] = [];
  for (let index = 0; index < list.length; index++) parsed.push(parseRowAt(query, schema, list, index));
  return parsed;
}

/** Row `index` of `list`, parsed by `schema`; the message counts rows from 1. */
export function parseRowAt<Schema extends z.ZodType>(
  query: string,
  schema: Schema,
  list: readonly unknown[],
  index: number,
): z.output<Schema> {
  const result = schema.safeParse(list[index]);
  if (!result.success) {
    throw new QueryRowError(`${query}: row ${index + 1} of ${list.length}: ${describeIssues(result.error)}`);
  }
  return result.data;
}

/** The one row of an aggregate without GROUP BY (or of a lookup that must find its row). */
export function parseOneRow<Schema extends z.ZodType>(query: string, schema: Schema, rows: unknown): z.output<Schema> {
  const parsed = parseRows(query, schema, rows);
  if (parsed.length !== 1) throw new QueryRowError(`${query}: expected exactly one row, got ${parsed.length}`);
  return parsed[0];
}

/** The row of a lookup by key: null when there is none, an error when the key matched several. */
export function parseOptionalRow<Schema extends z.ZodType>(
  query: string,
  schema: Schema,
  rows: unknown,
): z.output<Schema> | null {
  const parsed = parseRows(query, schema, rows);
  if (parsed.length > 1) throw new QueryRowError(`${query}: expected at most one row, got ${parsed.length}`);
  return parsed[0] ?? null;
}

/**
 * What TypeORM's postgres driver returns for an UPDATE or DELETE run through `query()`: the rows of its
 * RETURNING clause and the number of rows it touched.
 */
export function parseUpdateResult<Schema extends z.ZodType>(
  query: string,
  schema: Schema,
  result: unknown,
): { rows: z.output<Schema>[]; affected: number } {
  if (!Array.isArray(result) || result.length !== 2 || typeof result[1] !== 'number') {
    throw new QueryRowError(`${query}: expected [rows, affected] from an UPDATE or DELETE`);
  }
  return { rows: parseRows(query, schema, result[0]), affected: result[1] };
}
