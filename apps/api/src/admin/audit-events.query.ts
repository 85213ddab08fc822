import { AUDIT_OUTCOMES, type AuditEvent, USER_ROLES } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseOneRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import type { AuditEventFiltersDto } from './audit-events.dto';

/** Rows per round trip of the CSV export: memory stays bounded whatever the size of the log. */
export const EXPORT_BATCH_SIZE = 1000;

// The id is a bigint, which pg hands over as a string; float8 keeps it a number, exact below 2^53.
const COLUMNS = `id::float8 AS id, at, user_id AS "userId", email, role, action, resource, filters,
  row_count AS "rowCount", host(ip) AS ip, outcome, details`;

const jsonObject = z.record(z.string(), z.unknown());

/** COLUMNS as node-postgres returns them; `at` leaves as ISO text. */
const auditEventRow = z.object({
  id: pg.float8,
  at: pg.isoTimestamp,
  userId: pg.int.nullable(),
  email: pg.text.nullable(),
  role: z.enum(USER_ROLES).nullable(),
  action: pg.text,
  resource: pg.text.nullable(),
  filters: jsonObject.nullable(),
  rowCount: pg.int.nullable(),
  ip: pg.text.nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: jsonObject.nullable(),
});

const totalRow = z.object({ total: pg.int });

/** The WHERE clause of the filters, with its parameters numbered from 1. */
function whereOf(filters: AuditEventFiltersDto): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  // Whole UTC days, so that a day's events do not depend on the server's time zone.
  if (filters.from) add((p) => `at >= (${p}::date)::timestamp AT TIME ZONE 'UTC'`, filters.from);
  if (filters.to) add((p) => `at < (${p}::date + 1)::timestamp AT TIME ZONE 'UTC'`, filters.to);
  if (filters.action) add((p) => `(action = ${p} OR starts_with(action, ${p} || '.'))`, filters.action);
  if (filters.email) add((p) => `strpos(lower(email), lower(${p})) > 0`, filters.email);
  if (filters.outcome) add((p) => `outcome = ${p}`, filters.outcome);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Reads of the audit log, newest first (by id: the order in which events were written). */
@Injectable()
export class AuditEventsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    filters: AuditEventFiltersDto,
    limit: number,
    offset: number,
  ): Promise<{ events: AuditEvent[]; total: number }> {
    const { where, params } = whereOf(filters);
    const [rows, counts] = await Promise.all([
      this.dataSource.query<unknown>(
        `SELECT ${COLUMNS} FROM audit_events ${where} ORDER BY id DESC
         LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
      this.dataSource.query<unknown>(`SELECT count(*)::int AS total FROM audit_events ${where}`, params),
    ]);
    return {
      events: parseRows('AuditEventsQuery.page', auditEventRow, rows),
      total: parseOneRow('AuditEventsQuery.page (count)', totalRow, counts).total,
    };
  }

  /**
   * Every matching event, newest first, fetched in keyset batches (id below the last one seen): each batch is
   * an index range scan, and only one batch is held at a time.
   */
  async *all(filters: AuditEventFiltersDto): AsyncGenerator<AuditEvent> {
    const { where, params } = whereOf(filters);
    const before = `$${params.length + 1}`;
    const keyset = `${where ? `${where} AND` : 'WHERE'} (${before}::bigint IS NULL OR id < ${before}::bigint)`;
    let lastId: number | null = null;
    for (;;) {
      const rows: AuditEvent[] = parseRows(
        'AuditEventsQuery.all',
        auditEventRow,
        await this.dataSource.query(
          `SELECT ${COLUMNS} FROM audit_events ${keyset} ORDER BY id DESC LIMIT ${EXPORT_BATCH_SIZE}`,
          [...params, lastId],
        ),
      );
      yield* rows;
      if (rows.length < EXPORT_BATCH_SIZE) return;
      lastId = rows[rows.length - 1].id;
    }
  }
}
