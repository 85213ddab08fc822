import type { ImportEntity } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseRows, QueryRowError } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { ORPHAN_CHECKS, OUT_OF_RANGE_CHECKS, type RowCheck } from './quality-checks';

const checkRow = z.object({ check_index: pg.int, failing: pg.int8 });

/** The result of each check, per table, in the order the checks are listed. */
export type CheckCounts = Map<ImportEntity, Array<{ check: string; rows: number }>>;

/** Counts the rows failing each check, all in one round trip (the checks are numbered to map them back). */
async function countFailing(dataSource: DataSource, name: string, checks: readonly RowCheck[]): Promise<CheckCounts> {
  const sql = checks
    .map((check, index) => `SELECT ${index} AS check_index, (${check.countSql}) AS failing`)
    .join('\nUNION ALL\n');
  const failing = new Map(
    parseRows(name, checkRow, await dataSource.query(sql)).map((row) => [row.check_index, row.failing]),
  );
  const counts: CheckCounts = new Map();
  checks.forEach(({ entity, check }, index) => {
    const rows = failing.get(index);
    if (rows === undefined) throw new QueryRowError(`${name}: no count for "${check}"`);
    counts.set(entity, [...(counts.get(entity) ?? []), { check, rows }]);
  });
  return counts;
}

/** Values outside the expected range (quality-checks.ts), per table. */
@Injectable()
export class OutOfRangeQuery {
  constructor(private readonly dataSource: DataSource) {}

  run(): Promise<CheckCounts> {
    return countFailing(this.dataSource, OutOfRangeQuery.name, OUT_OF_RANGE_CHECKS);
  }
}

/** Rows with nothing attached, or attached past their parent's end (quality-checks.ts), per table. */
@Injectable()
export class OrphansQuery {
  constructor(private readonly dataSource: DataSource) {}

  run(): Promise<CheckCounts> {
    return countFailing(this.dataSource, OrphansQuery.name, ORPHAN_CHECKS);
  }
}
