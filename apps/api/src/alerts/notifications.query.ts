import { type AlertNotification, EPISODE_METRICS } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseOneRow, parseOptionalRow, parseRows, parseUpdateResult } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import type { AlertFigure } from './alert-findings';

/** How many notifications the list shows (the newest). */
export const NOTIFICATIONS_SHOWN = 100;

const notificationRow = z.object({
  id: pg.int,
  rule_id: pg.int.nullable(),
  metric: z.enum(EPISODE_METRICS),
  scope_label: pg.text,
  fired_at: pg.isoTimestamp,
  as_of: pg.isoDate.nullable(),
  value: pg.float8,
  ci_low: pg.float8.nullable(),
  ci_high: pg.float8.nullable(),
  n: pg.int.nullable(),
  message: pg.text,
  read_at: pg.isoTimestamp.nullable(),
});

const NOTIFICATION_COLUMNS = `n.id, n.rule_id, n.metric, n.scope_label, n.fired_at, to_char(n.as_of, 'YYYY-MM-DD') AS as_of,
  n.value, n.ci_low, n.ci_high, n.n, n.message, n.read_at`;

const toNotification = (row: z.output<typeof notificationRow>): AlertNotification => ({
  id: row.id,
  ruleId: row.rule_id,
  metric: row.metric,
  scopeLabel: row.scope_label,
  firedAt: row.fired_at,
  asOf: row.as_of,
  value: row.value,
  ci95: row.ci_low === null || row.ci_high === null ? null : [row.ci_low, row.ci_high],
  n: row.n,
  message: row.message,
  readAt: row.read_at,
});

const idRow = z.object({ id: pg.int });
const countRow = z.object({ unread: pg.int8 });
const emailRow = notificationRow.extend({ email: pg.text, emailed: pg.bool });

/** A notification about to be written: what a rule found, for its owner, at a data version. */
export interface NewNotification {
  userId: number;
  ruleId: number;
  dataVersion: string;
  metric: string;
  scopeLabel: string;
  asOf: string | null;
  figure: AlertFigure;
  message: string;
}

/** A notification with its recipient, for the e-mail job. */
export interface NotificationToEmail extends AlertNotification {
  email: string;
  emailed: boolean;
}

/** The SQL of notifications: written by the evaluation, read and marked read by their user only. */
@Injectable()
export class NotificationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The new notification's id, or null when the rule already fired at this data version. */
  async insert(notification: NewNotification): Promise<number | null> {
    const { figure } = notification;
    const rows: unknown = await this.dataSource.query(
      `INSERT INTO notifications (user_id, rule_id, data_version, metric, scope_label, as_of, value, ci_low, ci_high, n,
         message)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11)
       ON CONFLICT (rule_id, data_version) DO NOTHING RETURNING id`,
      [
        notification.userId,
        notification.ruleId,
        notification.dataVersion,
        notification.metric,
        notification.scopeLabel,
        notification.asOf,
        figure.value,
        figure.ci95?.[0] ?? null,
        figure.ci95?.[1] ?? null,
        figure.n,
        notification.message,
      ],
    );
    return parseOptionalRow('NotificationsQuery.insert', idRow, rows)?.id ?? null;
  }

  async latest(userId: number): Promise<AlertNotification[]> {
    const rows: unknown = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n WHERE n.user_id = $1
       ORDER BY n.fired_at DESC, n.id DESC LIMIT ${NOTIFICATIONS_SHOWN}`,
      [userId],
    );
    return parseRows('NotificationsQuery.latest', notificationRow, rows).map(toNotification);
  }

  async unreadCount(userId: number): Promise<number> {
    const rows: unknown = await this.dataSource.query(
      `SELECT count(*) AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return parseOneRow('NotificationsQuery.unreadCount', countRow, rows).unread;
  }

  /** False when the user has no such notification; marking one already read again changes nothing. */
  async markRead(userId: number, id: number): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE user_id = $1 AND id = $2 RETURNING id`,
      [userId, id],
    );
    return parseUpdateResult('NotificationsQuery.markRead', idRow, rows).affected > 0;
  }

  async markAllRead(userId: number): Promise<number> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [userId],
    );
    return parseUpdateResult('NotificationsQuery.markAllRead', idRow, rows).affected;
  }

  async toEmail(id: number): Promise<NotificationToEmail | null> {
    const rows: unknown = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS}, u.email, n.emailed_at IS NOT NULL AS emailed
       FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1 AND NOT u.disabled`,
      [id],
    );
    const row = parseOptionalRow('NotificationsQuery.toEmail', emailRow, rows);
    return row && { ...toNotification(row), email: row.email, emailed: row.emailed };
  }

  async markEmailed(id: number): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [id]);
  }
}
