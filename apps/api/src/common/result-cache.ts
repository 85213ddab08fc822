import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

/** The latest load's time and the number of loads, as text; null before any load. */
const versionRow = z.object({ version: pg.text.nullable() });

/**
 * How many results are kept per module; the one used longest ago is dropped first, so that an answer in steady use
 * (the whole network's board, the early-warning model that its refresh asks for every minute) outlives a burst of
 * one-off filters. Every (scope, filters) pair a user views is a key, and a hundred users of different programs and
 * payers share one process.
 */
export const RESULT_CACHE_CAPACITY = 256;

/**
 * Remembers results per (kind, scope, filters, data version). Every dashboard answer passes through one: the
 * evidence board fits about fifteen regressions over every selected episode, the quality measures walk every
 * episode's services and fills, the monthly aggregates behind every trend chart are one query that the overview's
 * eight charts would otherwise run eight times at once, a breakdown's per-group aggregates serve every metric asked
 * of that dimension, and the attendance, retention, flow and cost answers read hundreds of thousands of facts or
 * millions of appointments for a whole network (docs/PERFORMANCE.md: 150 to 850 ms each at the large preset,
 * 5 to 20 ms from here). The same rows always give the same result, and the rows change only when data is loaded,
 * which stamps dataset_meta.loaded_at; an admin's change of a setting (a comparator's length of stay, which prices
 * claim 6 and the costs page) changes the settings' fingerprint, also in the version. A concurrent second request
 * for the same key waits for the first computation instead of starting its own. Each module that provides it gets
 * its own instance, so one domain's results do not push out another's.
 */
@Injectable()
export class ResultCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  async get<T>(scope: AccessScope, filters: EpisodeFilters, kind: string, compute: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([kind, scope, normalise(filters), await this.dataVersion()]);
    const cached = this.entries.get(key);
    if (cached) {
      // Used now: moved to the end of the map's order, the last to be dropped.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached as Promise<T>;
    }
    const computing = compute();
    this.entries.set(key, computing);
    if (this.entries.size > RESULT_CACHE_CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    // A failed computation is not remembered: the next request tries again.
    computing.catch(() => this.entries.delete(key));
    return computing;
  }

  private async dataVersion(): Promise<string | null> {
    const row = parseOneRow(
      'ResultCache.dataVersion',
      versionRow,
      await this.dataSource.query(
        `SELECT (SELECT max(loaded_at)::text || '/' || count(*) FROM dataset_meta) || '/' ||
           (SELECT md5(coalesce(string_agg(concat_ws('|', org_id, key, value, dollar_year), ',' ORDER BY org_id, key), ''))
            FROM settings) AS version`,
      ),
    );
    return row.version;
  }
}

const sortedCopy = (list: readonly unknown[]): unknown[] => [...list].sort();

/** The same filter written in another order is the same key. */
function normalise(filters: EpisodeFilters): Array<[string, unknown]> {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]): [string, unknown] => [name, Array.isArray(value) ? sortedCopy(value) : value])
    .sort(([a], [b]) => a.localeCompare(b));
}
