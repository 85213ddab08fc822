import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { AlertEmailRunner } from './alert-email';
import { AlertEvaluationService } from './alert-evaluation.service';
import { AlertMailer } from './alert-mailer';
import { AlertQueueModule } from './alert-queue';
import { AlertRulesQuery } from './alert-rules.query';
import { AlertRulesService } from './alert-rules.service';
import { AlertWorkers } from './alert-workers';
import { AlertsController } from './alerts.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsQuery } from './notifications.query';

/** Alert rules, their evaluation after every load and every night, notifications and their e-mails. */
@Module({
  imports: [MetricsModule, AlertQueueModule],
  controllers: [AlertsController, NotificationsController],
  providers: [
    AlertRulesQuery,
    AlertRulesService,
    AlertEvaluationService,
    NotificationsQuery,
    AlertMailer,
    AlertEmailRunner,
    AlertWorkers,
  ],
})
export class AlertsModule {}
