import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ReportJobRunner } from './report-job-runner';
import { ReportQueue } from './report-queue';
import { ReportScheduler } from './report-scheduler';

/** Starts taking jobs once the whole app is up (the queue itself starts with the module). */
@Injectable()
export class ReportWorkers implements OnApplicationBootstrap {
  constructor(
    private readonly queue: ReportQueue,
    private readonly runner: ReportJobRunner,
    private readonly scheduler: ReportScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.workGenerate((attempt) => this.runner.run(attempt));
    await this.queue.workScheduleTicks(async () => {
      await this.scheduler.runDue(new Date());
    });
  }
}
