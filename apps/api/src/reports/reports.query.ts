import {
  type EpisodeFilters,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportJob,
  type ReportKind,
  type SessionUser,
} from '@iop/contracts';
import { Report, ReportFile } from '@iop/schema';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { z } from 'zod';
import { SESSION_USER_COLUMNS, sessionUserRow } from '../access/session-user.row';
import { parseOneRow, parseOptionalRow, parseRows, parseUpdateResult } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { storedEpisodeFilters } from '../episodes/stored-episode-filters';

/** Who may see a report: its requester, or an admin of the same organisation. */
export interface ReportViewer {
  id: number;
  role: SessionUser['role'];
}

/** The columns of a ReportJob, from reports r JOIN users u. */
const REPORT_COLUMNS = `
  r.id, r.kind, r.status, r.progress, r.stage, r.filters, r.period, r.attempts, r.error,
  r.schedule_id AS "scheduleId", u.email AS "requestedBy",
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt",
  r.page_count AS "pageCount", r.size_bytes AS "sizeBytes",
  CASE WHEN r.status = 'succeeded' THEN '/api/v1/reports/' || r.id || '/file' END AS "downloadPath"`;

/** REPORT_COLUMNS as node-postgres returns them; the timestamps leave as ISO text. */
const reportJobRow = z.object({
  id: pg.uuid,
  kind: z.enum(REPORT_KINDS),
  status: z.enum(REPORT_STATUSES),
  progress: pg.int,
  stage: pg.text.nullable(),
  filters: storedEpisodeFilters,
  period: pg.text.nullable(),
  attempts: pg.int,
  error: pg.text.nullable(),
  scheduleId: pg.uuid.nullable(),
  requestedBy: pg.text,
  createdAt: pg.isoTimestamp,
  startedAt: pg.isoTimestamp.nullable(),
  finishedAt: pg.isoTimestamp.nullable(),
  pageCount: pg.int.nullable(),
  sizeBytes: pg.int.nullable(),
  downloadPath: pg.text.nullable(),
}) satisfies z.ZodType<ReportJob>;

/** The reports a viewer may see: their own, or (admin) every report of their organisation. */
const VISIBLE_TO = `
  (r.requested_by = $1 OR ($2 = 'admin' AND r.org_id = (SELECT org_id FROM users WHERE id = $1)))`;

/** A report row as the job runner needs it. */
export interface ReportWork {
  id: string;
  kind: ReportKind;
  filters: EpisodeFilters;
  requestedBy: number;
  scheduleId: string | null;
}

const reportWorkRow = z.object({
  id: pg.uuid,
  kind: z.enum(REPORT_KINDS),
  filters: storedEpisodeFilters,
  requestedBy: pg.int,
  scheduleId: pg.uuid.nullable(),
});

const idRow = z.object({ id: pg.uuid });

/** The first `count` characters, as PostgreSQL's left() counts them (code points, not UTF-16 units). */
const firstCharacters = (text: string, count: number): string => Array.from(text).slice(0, count).join('');

/**
 * Reports, their files and their requesters. The listings (joined with the requester's e-mail), the insert into
 * the requester's organisation and the attempt's counter are SQL; the plain updates and the file go through
 * the entities' repositories.
 */
@Injectable()
export class ReportsQuery {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectRepository(ReportFile) private readonly files: Repository<ReportFile>,
  ) {}

  /** A new queued report for `requestedBy`, in their organisation; returns its id. */
  async insert(
    manager: EntityManager,
    report: { kind: ReportKind; filters: EpisodeFilters; requestedBy: number },
  ): Promise<string> {
    const row = parseOneRow(
      'ReportsQuery.insert',
      idRow,
      await manager.query(
        `INSERT INTO reports (org_id, requested_by, kind, filters)
         SELECT org_id, id, $2, $3 FROM users WHERE id = $1 RETURNING id`,
        [report.requestedBy, report.kind, JSON.stringify(report.filters)],
      ),
    );
    return row.id;
  }

  /** Newest first, at most `limit`. */
  async list(viewer: ReportViewer, limit: number): Promise<ReportJob[]> {
    return parseRows(
      'ReportsQuery.list',
      reportJobRow,
      await this.dataSource.query(
        `SELECT ${REPORT_COLUMNS} FROM reports r JOIN users u ON u.id = r.requested_by
         WHERE ${VISIBLE_TO} ORDER BY r.created_at DESC, r.id LIMIT $3`,
        [viewer.id, viewer.role, limit],
      ),
    );
  }

  async visible(viewer: ReportViewer, id: string, manager = this.dataSource.manager): Promise<ReportJob | null> {
    return parseOptionalRow(
      'ReportsQuery.visible',
      reportJobRow,
      await manager.query(
        `SELECT ${REPORT_COLUMNS} FROM reports r JOIN users u ON u.id = r.requested_by
         WHERE ${VISIBLE_TO} AND r.id = $3`,
        [viewer.id, viewer.role, id],
      ),
    );
  }

  async file(id: string): Promise<Buffer | null> {
    const file = await this.files.findOneBy({ reportId: id });
    return file?.content ?? null;
  }

  /** Marks an attempt as started and returns what to render; null when the report no longer exists. */
  async startAttempt(id: string): Promise<ReportWork | null> {
    const { rows } = parseUpdateResult(
      'ReportsQuery.startAttempt',
      reportWorkRow,
      await this.dataSource.query(
        `UPDATE reports SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
                progress = 0, stage = NULL
         WHERE id = $1
         RETURNING id, kind, filters, requested_by AS "requestedBy", schedule_id AS "scheduleId"`,
        [id],
      ),
    );
    return rows[0] ?? null;
  }

  async recordProgress(id: string, progress: number, stage: string): Promise<void> {
    await this.reports.update({ id, status: 'running' }, { progress, stage: firstCharacters(stage, 200) });
  }

  /** Stores the PDF and the facts of a succeeded report, together. */
  async succeed(id: string, result: { pdf: Buffer; pageCount: number; period: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.withRepository(this.files).upsert({ reportId: id, content: result.pdf }, ['reportId']);
      await manager.withRepository(this.reports).update(
        { id },
        {
          status: 'succeeded',
          progress: 100,
          finishedAt: () => 'now()',
          pageCount: result.pageCount,
          sizeBytes: result.pdf.length,
          period: firstCharacters(result.period, 200),
        },
      );
    });
  }

  /** A failed attempt: 'queued' again while it will be retried, 'failed' after the last one. */
  async recordFailure(id: string, message: string, status: 'queued' | 'failed'): Promise<void> {
    await this.reports.update(
      { id },
      { status, error: firstCharacters(message, 2000), finishedAt: status === 'failed' ? () => 'now()' : null },
    );
  }

  /** The requester as the access rules see them now (role, payer, programs); null when disabled or gone. */
  async activeRequester(userId: number): Promise<SessionUser | null> {
    return parseOptionalRow(
      'ReportsQuery.activeRequester',
      sessionUserRow,
      await this.dataSource.query(
        `SELECT ${SESSION_USER_COLUMNS}
         FROM users u LEFT JOIN user_programs up ON up.user_id = u.id
         WHERE u.id = $1 AND NOT u.disabled
         GROUP BY u.id`,
        [userId],
      ),
    );
  }
}
