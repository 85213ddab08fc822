import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** The largest PostgreSQL integer: every numeric id of a path is a serial of this type. */
export const INT4_MAX = 2_147_483_647;

const NUL = '\u0000';

/** How deep the walk goes; bodies are refused deeper than MAX_JSON_DEPTH before they get here. */
const MAX_WALK_DEPTH = 64;

/** The name of the first string (or key) in `value` that holds a NUL character, or null. */
function firstNulIn(value: unknown, name: string): string | null {
  const pending: Array<{ value: unknown; name: string; depth: number }> = [{ value, name, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (next.value.includes(NUL)) return next.name;
    } else if (next.value !== null && typeof next.value === 'object' && next.depth < MAX_WALK_DEPTH) {
      for (const [key, item] of Object.entries(next.value)) {
        const itemName = Array.isArray(next.value) ? next.name : next.name ? `${next.name}.${key}` : key;
        if (key.includes(NUL)) return itemName;
        pending.push({ value: item, name: itemName, depth: next.depth + 1 });
      }
    }
  }
  return null;
}

/**
 * Refuses, with a 400 naming the parameter, what passes the DTOs' rules but PostgreSQL cannot take, on every
 * route at once (registered before the ValidationPipe):
 * - a NUL character in any string of a query, body or path (text columns and parameters refuse \u0000);
 * - a path id declared as a number (`@Param('id', ParseIntPipe) id: number`) outside 1..2^31-1, which the
 *   int4 columns the ids are compared with refuse.
 */
@Injectable()
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, { type, data, metatype }: ArgumentMetadata): unknown {
    // What custom decorators return (the user, the scope) comes from the server, not the request.
    if (type === 'custom') return value;
    const withNul = firstNulIn(value, data ?? '');
    if (withNul !== null) {
      throw new BadRequestException([`${withNul || type} must not contain a NUL character`]);
    }
    if (type === 'param' && metatype === Number && !isPositiveInt4(value)) {
      throw new BadRequestException([`${data ?? 'id'} must be an integer from 1 to ${INT4_MAX}`]);
    }
    return value;
  }
}

function isPositiveInt4(value: unknown): boolean {
  return typeof value === 'string' && /^\d{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= INT4_MAX;
}
