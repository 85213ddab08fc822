import {
  type EpisodeFilters,
  REPORT_CADENCES,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportCadence,
  type ReportKind,
  type ReportSchedule,
} from '@iop/contracts';
import { ReportSchedule as ReportScheduleEntity } from '@iop/schema';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { z } from 'zod';
import { parseOneRow, parseOptionalRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { storedEpisodeFilters } from '../episodes/stored-episode-filters';
import type { ReportViewer } from './reports.query';

/** The columns of a ReportSchedule, with the status of the newest report it produced. */
const SCHEDULE_COLUMNS = `
  s.id, s.kind, s.cadence, s.filters, s.delivery, u.email AS "owner", s.created_at AS "createdAt",
  s.next_run_at AS "nextRunAt", s.last_run_at AS "lastRunAt",
  (SELECT r.status FROM reports r WHERE r.schedule_id = s.id ORDER BY r.created_at DESC, r.id LIMIT 1)
    AS "lastStatus"`;

/** SCHEDULE_COLUMNS as node-postgres returns them; the timestamps leave as ISO text. */
const scheduleRow = z.object({
  id: pg.uuid,
  kind: z.enum(REPORT_KINDS),
  cadence: z.enum(REPORT_CADENCES),
  filters: storedEpisodeFilters,
  delivery: pg.text,
  owner: pg.text,
  createdAt: pg.isoTimestamp,
  nextRunAt: pg.isoTimestamp,
  lastRunAt: pg.isoTimestamp.nullable(),
  lastStatus: z.enum(REPORT_STATUSES).nullable(),
}) satisfies z.ZodType<ReportSchedule>;

const VISIBLE_TO = `
  s.deleted_at IS NULL
  AND (s.owner_id = $1 OR ($2 = 'admin' AND s.org_id = (SELECT org_id FROM users WHERE id = $1)))`;

/** A schedule that came due, and the report row made for this run. */
export interface DueRun {
  reportId: string;
  scheduleId: string;
}

const dueRunRow = z.object({ reportId: pg.uuid, scheduleId: pg.uuid });
const idRow = z.object({ id: pg.uuid });

/**
 * Report schedules: the listings, the insert (its next run is always report_next_run() of the migration) and
 * the scheduler's claim in SQL; the soft delete through the entity's repository.
 */
@Injectable()
export class ReportSchedulesQuery {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ReportScheduleEntity) private readonly schedules: Repository<ReportScheduleEntity>,
  ) {}

  async insert(schedule: {
    ownerId: number;
    kind: ReportKind;
    cadence: ReportCadence;
    filters: EpisodeFilters;
    delivery: string;
  }): Promise<string> {
    const row = parseOneRow(
      'ReportSchedulesQuery.insert',
      idRow,
      await this.dataSource.query(
        `INSERT INTO report_schedules (org_id, owner_id, kind, cadence, filters, delivery, next_run_at)
         SELECT org_id, id, $2, $3, $4, $5, report_next_run($3, now()) FROM users WHERE id = $1 RETURNING id`,
        [schedule.ownerId, schedule.kind, schedule.cadence, JSON.stringify(schedule.filters), schedule.delivery],
      ),
    );
    return row.id;
  }

  async list(viewer: ReportViewer): Promise<ReportSchedule[]> {
    return parseRows(
      'ReportSchedulesQuery.list',
      scheduleRow,
      await this.dataSource.query(
        `SELECT ${SCHEDULE_COLUMNS} FROM report_schedules s JOIN users u ON u.id = s.owner_id
         WHERE ${VISIBLE_TO} ORDER BY s.created_at DESC, s.id`,
        [viewer.id, viewer.role],
      ),
    );
  }

  async visible(viewer: ReportViewer, id: string): Promise<ReportSchedule | null> {
    return parseOptionalRow(
      'ReportSchedulesQuery.visible',
      scheduleRow,
      await this.dataSource.query(
        `SELECT ${SCHEDULE_COLUMNS} FROM report_schedules s JOIN users u ON u.id = s.owner_id
         WHERE ${VISIBLE_TO} AND s.id = $3`,
        [viewer.id, viewer.role, id],
      ),
    );
  }

  async softDelete(id: string): Promise<void> {
    await this.schedules.update({ id }, { deletedAt: () => 'now()' });
  }

  /**
   * Claims the schedules due at `now`, makes one queued report for each, and moves each to its next run after
   * `now`, in one statement of the caller's transaction. SKIP LOCKED lets two API processes tick at once:
   * a schedule one of them holds is skipped by the other, and is no longer due once the first commits.
   */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<DueRun[]> {
    return parseRows(
      'ReportSchedulesQuery.claimDue',
      dueRunRow,
      await manager.query(
        `WITH due AS (
           SELECT id FROM report_schedules
           WHERE deleted_at IS NULL AND next_run_at <= $1
           ORDER BY next_run_at, id
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         ), advanced AS (
           UPDATE report_schedules s SET next_run_at = report_next_run(s.cadence, $1), last_run_at = $1
           FROM due WHERE s.id = due.id
           RETURNING s.id, s.org_id, s.owner_id, s.kind, s.filters
         )
         INSERT INTO reports (org_id, requested_by, kind, filters, schedule_id)
         SELECT org_id, owner_id, kind, filters, id FROM advanced
         RETURNING id AS "reportId", schedule_id AS "scheduleId"`,
        [now, limit],
      ),
    );
  }
}
