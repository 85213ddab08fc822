import { type AlertNotification } from '@iop/contracts';
import { METRIC_CATALOGUE } from '@iop/contracts/metric-catalogue';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { type AlertEmail, AlertMailer } from './alert-mailer';
import { NotificationsQuery } from './notifications.query';

/** The dashboard page an alert e-mail links to. */
export const NOTIFICATIONS_PATH = '/notifications';

/** The e-mail of a notification: the finding with its interval and n (in the message), the as-of date, a link. */
export function alertEmailOf(notification: AlertNotification, to: string, publicUrl: string): AlertEmail {
  const link = `${publicUrl.replace(/\/+$/, '')}${NOTIFICATIONS_PATH}?notification=${notification.id}`;
  return {
    to,
    subject: `IOP Outcomes alert: ${METRIC_CATALOGUE[notification.metric].label} for ${notification.scopeLabel}`,
    text: [
      notification.message,
      '',
      notification.asOf ? `Data as of ${notification.asOf}.` : 'No as-of date is recorded for this data.',
      `See it in IOP Outcomes: ${link}`,
      '',
      'You receive this because you keep this alert rule; change or remove it on the Alerts page.',
    ].join('\n'),
  };
}

/**
 * One e-mail job: sends a notification's e-mail once (pg-boss delivers at least once; emailed_at remembers).
 * A failure is logged and rethrown, so that pg-boss tries again later; the rule run that queued it is long done.
 */
@Injectable()
export class AlertEmailRunner {
  private readonly logger = new Logger(AlertEmailRunner.name);
  private readonly publicUrl: string;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly notifications: NotificationsQuery,
    private readonly mailer: AlertMailer,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }) ?? '';
  }

  async run(notificationId: number): Promise<void> {
    const notification = await this.notifications.toEmail(notificationId);
    if (!notification || notification.emailed || !this.mailer.configured) return;
    try {
      await this.mailer.send(alertEmailOf(notification, notification.email, this.publicUrl));
    } catch (error) {
      this.logger.warn(
        `alert e-mail of notification ${notificationId} not sent, to be retried: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw error;
    }
    await this.notifications.markEmailed(notificationId);
  }
}
