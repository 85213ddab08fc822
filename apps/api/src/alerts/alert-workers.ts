import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AlertEmailRunner } from './alert-email';
import { AlertEvaluationService } from './alert-evaluation.service';
import { AlertQueue } from './alert-queue';

/** Starts taking alert jobs once the whole app is up (the queue itself starts with the module). */
@Injectable()
export class AlertWorkers implements OnApplicationBootstrap {
  constructor(
    private readonly queue: AlertQueue,
    private readonly evaluation: AlertEvaluationService,
    private readonly emails: AlertEmailRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.workEvaluations(async () => {
      await this.evaluation.evaluateAll();
    });
    await this.queue.workEmails((notificationId) => this.emails.run(notificationId));
  }
}
