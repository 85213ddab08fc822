import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';

/** One e-mail as the alerts send it: plain text, one recipient. */
export interface AlertEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends alert e-mails through SMTP_URL with nodemailer; when SMTP_URL is unset, `configured` is false and nothing
 * is sent. A failure (server down, refused) is thrown to the e-mail job, which pg-boss retries.
 */
@Injectable()
export class AlertMailer implements OnModuleDestroy {
  private readonly logger = new Logger(AlertMailer.name);
  private readonly smtpUrl: string | undefined;
  private readonly from: string;
  private transport: Transporter | null = null;

  constructor(config: ConfigService<AppConfig, true>) {
    this.smtpUrl = config.get('SMTP_URL', { infer: true });
    this.from = config.get('SMTP_FROM', { infer: true });
  }

  get configured(): boolean {
    return this.smtpUrl !== undefined;
  }

  async send(email: AlertEmail): Promise<void> {
    if (this.smtpUrl === undefined) return;
    // Made on first use, so that an API that never sends an e-mail never opens an SMTP connection.
    this.transport ??= createTransport(this.smtpUrl);
    await this.transport.sendMail({ ...email, from: this.from });
    this.logger.debug(`alert e-mail sent to ${email.to}`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
