import { escapeLiteral } from 'pg';
import type { SqlFragment } from '../episodes/episode-selection.sql';

/**
 * A bind parameter written into the SQL text as a literal, for the one statement that cannot take parameters:
 * `COPY (SELECT ...) TO STDOUT` (neither the extended protocol nor PREPARE accepts a COPY). Text goes through
 * node-postgres's escapeLiteral (libpq's PQescapeLiteral: quotes and backslashes doubled, and an E'' string when
 * there is a backslash, so it reads the same whatever standard_conforming_strings says). A number is written as
 * quoted text too, and the fragment's own casts (`::int[]`, `::date`) give it its type, so nothing but the
 * quoting rule decides where a literal ends. An array becomes ARRAY[...] of such literals, never array text with
 * quoting of its own. NUL cannot be in a PostgreSQL string and would end the query text early, so it is refused
 * (the filters' validation refuses it long before).
 */
export function sqlLiteral(value: unknown): string {
  if (Array.isArray(value)) return `ARRAY[${value.map((item) => sqlLiteral(item)).join(', ')}]`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL literal`);
    return escapeLiteral(String(value));
  }
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('a SQL literal cannot hold NUL');
    return escapeLiteral(value);
  }
  throw new Error(`cannot write a ${value === null ? 'null' : typeof value} as a SQL literal`);
}

/**
 * The fragment's SQL with each `$n` replaced by its parameter's literal. One pass over the fragment's own text,
 * which the query classes write and which holds no user text, so a `$2` inside a literal is never replaced.
 */
export function inlineParameters({ sql, params }: SqlFragment): string {
  return sql.replace(/\$(\d+)/g, (placeholder, position: string) => {
    const index = Number(position) - 1;
    if (index < 0 || index >= params.length) throw new Error(`${placeholder} has no parameter`);
    return sqlLiteral(params[index]);
  });
}
