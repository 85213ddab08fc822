import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DueRun, ReportSchedulesQuery } from './report-schedules.query';
import { ReportQueue } from './report-queue';

/** Due schedules claimed per tick; the rest wait for the next tick a minute later. */
const SCHEDULES_PER_TICK = 100;

/**
 * The scheduler's tick: every due schedule gets one report, queued in the same transaction that moves the
 * schedule to its next run, so a crash between the two cannot lose or repeat a run.
 */
@Injectable()
export class ReportScheduler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedules: ReportSchedulesQuery,
    private readonly queue: ReportQueue,
  ) {}

  async runDue(now: Date): Promise<DueRun[]> {
    const runs = await this.dataSource.transaction(async (manager) => {
      const claimed = await this.schedules.claimDue(manager, now, SCHEDULES_PER_TICK);
      await this.queue.enqueue(
        claimed.map((run) => run.reportId),
        manager,
      );
      return claimed;
    });
    if (runs.length > 0) this.queue.wake();
    return runs;
  }
}
