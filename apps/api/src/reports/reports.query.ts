import type { EpisodeFilters, ReportJob, ReportKind, SessionUser } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Who may see a report: its requester, or an admin of the same organisation. */
export interface ReportViewer {
  id: number;
  role: SessionUser['role'];
}

/** The columns of a ReportJob (timestamps as Dates, which JSON writes as ISO), from reports r JOIN users u. */
const REPORT_COLUMNS = `
  r.id, r.kind, r.status, r.progress, r.stage, r.filters, r.period, r.attempts, r.error,
  r.schedule_id AS "scheduleId", u.email AS "requestedBy",
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt",
  r.page_count AS "pageCount", r.size_bytes AS "sizeBytes",
  CASE WHEN r.status = 'succeeded' THEN '/api/v1/reports/' || r.id || '/file' END AS "downloadPath"`;

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

/** Reports, their files and their requesters, in SQL. */
@Injectable()
export class ReportsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** A new queued report for `requestedBy`, in their organisation; returns its id. */
  async insert(
    manager: EntityManager,
    report: { kind: ReportKind; filters: EpisodeFilters; requestedBy: number },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO reports (org_id, requested_by, kind, filters)
       SELECT org_id, id, $2, $3 FROM users WHERE id = $1 RETURNING id`,
      [report.requestedBy, report.kind, JSON.stringify(report.filters)],
    );
    return rows[0].id;
  }

  /** Newest first, at most `limit`. */
  list(viewer: ReportViewer, limit: number): Promise<ReportJob[]> {
    return this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM reports r JOIN users u ON u.id = r.requested_by
       WHERE ${VISIBLE_TO} ORDER BY r.created_at DESC, r.id LIMIT $3`,
      [viewer.id, viewer.role, limit],
    );
  }

  async visible(viewer: ReportViewer, id: string, manager = this.dataSource.manager): Promise<ReportJob | null> {
    const rows: ReportJob[] = await manager.query(
      `SELECT ${REPORT_COLUMNS} FROM reports r JOIN users u ON u.id = r.requested_by
       WHERE ${VISIBLE_TO} AND r.id = $3`,
      [viewer.id, viewer.role, id],
    );
    return rows[0] ?? null;
  }

  async file(id: string): Promise<Buffer | null> {
    const rows: Array<{ content: Buffer }> = await this.dataSource.query(
      `SELECT content FROM report_files WHERE report_id = $1`,
      [id],
    );
    return rows[0]?.content ?? null;
  }

  /** Marks an attempt as started and returns what to render; null when the report no longer exists. */
  async startAttempt(id: string): Promise<ReportWork | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE reports SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
              progress = 0, stage = NULL
       WHERE id = $1
       RETURNING id, kind, filters, requested_by AS "requestedBy", schedule_id AS "scheduleId"`,
      [id],
    )) as [ReportWork[], number];
    return rows[0] ?? null;
  }

  async recordProgress(id: string, progress: number, stage: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET progress = $2, stage = left($3, 200) WHERE id = $1 AND status = 'running'`,
      [id, progress, stage],
    );
  }

  /** Stores the PDF and the facts of a succeeded report, together. */
  async succeed(id: string, result: { pdf: Buffer; pageCount: number; period: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO report_files (report_id, content) VALUES ($1, $2)
         ON CONFLICT (report_id) DO UPDATE SET content = excluded.content`,
        [id, result.pdf],
      );
      await manager.query(
        `UPDATE reports SET status = 'succeeded', progress = 100, finished_at = now(), page_count = $2,
                size_bytes = $3, period = left($4, 200)
         WHERE id = $1`,
        [id, result.pageCount, result.pdf.length, result.period],
      );
    });
  }

  /** A failed attempt: 'queued' again while it will be retried, 'failed' after the last one. */
  async recordFailure(id: string, message: string, status: 'queued' | 'failed'): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = $2, error = left($3, 2000),
              finished_at = CASE WHEN $2 = 'failed' THEN now() END
       WHERE id = $1`,
      [id, status, message],
    );
  }

  /** The requester as the access rules see them now (role, payer, programs); null when disabled or gone. */
  async activeRequester(userId: number): Promise<SessionUser | null> {
    const rows: SessionUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.payer,
              coalesce(array_agg(up.program_id ORDER BY up.program_id) FILTER (WHERE up.program_id IS NOT NULL),
                       '{}') AS "programIds"
       FROM users u LEFT JOIN user_programs up ON up.user_id = u.id
       WHERE u.id = $1 AND NOT u.disabled
       GROUP BY u.id`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
