import { Inject, Injectable, Logger } from '@nestjs/common';
import { scopeOf } from '../access/signed-in-user';
import { mayRequest } from './report-access';
import { REPORT_DELIVERY, type ReportDelivery } from './report-delivery';
import type { GenerateAttempt } from './report-queue';
import { REPORT_RENDERER, type ReportProgress, type ReportRenderer } from './report-renderer';
import { ReportsQuery } from './reports.query';

/** At most this many progress writes per second reach the report row. */
const PROGRESS_WRITES_PER_SECOND = 4;

/** A failure no retry can mend (the account was disabled, or its role may no longer have this report). */
class PermanentFailure extends Error {}

/** The message stored for the user: never a stack trace. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 2000) || 'The report failed';
}

/**
 * One attempt of a report job: resolves the requester's access now (not when they asked), renders, stores the
 * PDF, and hands it to the delivery. A failure is stored on the row and rethrown so that pg-boss retries it.
 */
@Injectable()
export class ReportJobRunner {
  private readonly logger = new Logger(ReportJobRunner.name);

  constructor(
    private readonly reports: ReportsQuery,
    @Inject(REPORT_RENDERER) private readonly renderer: ReportRenderer,
    @Inject(REPORT_DELIVERY) private readonly delivery: ReportDelivery,
  ) {}

  async run({ reportId, last }: GenerateAttempt): Promise<void> {
    const work = await this.reports.startAttempt(reportId);
    if (!work) return;
    try {
      const requester = await this.reports.activeRequester(work.requestedBy);
      if (!requester) throw new PermanentFailure('The account this report is for is disabled');
      if (!mayRequest(requester.role, work.kind)) {
        throw new PermanentFailure(`The ${requester.role} role may no longer have the ${work.kind} report`);
      }
      const progress = throttledProgress((percent, stage) => this.reports.recordProgress(reportId, percent, stage));
      const rendered = await this.renderer.render(
        {
          kind: work.kind,
          filters: work.filters,
          scope: scopeOf(requester),
          requestedBy: requester.displayName || requester.email,
          generatedAt: new Date(),
        },
        progress.report,
      );
      await progress.settled();
      await this.reports.succeed(reportId, rendered);
    } catch (error) {
      const permanent = error instanceof PermanentFailure;
      await this.reports.recordFailure(reportId, messageOf(error), permanent || last ? 'failed' : 'queued');
      if (permanent) return;
      throw error;
    }
    await this.delivery
      .deliver({ reportId, kind: work.kind, requestedBy: work.requestedBy, scheduleId: work.scheduleId })
      .catch((error: unknown) => this.logger.error(`delivery of report ${reportId}: ${messageOf(error)}`));
  }
}

/**
 * The renderer's progress callback, writing to the row at most PROGRESS_WRITES_PER_SECOND times a second and
 * never two writes at once; the last value reported is always written before the report completes.
 */
function throttledProgress(write: (percent: number, stage: string) => Promise<void>) {
  const minimumGapMs = 1000 / PROGRESS_WRITES_PER_SECOND;
  let lastWriteAt = 0;
  let writing: Promise<void> = Promise.resolve();
  let pending: { percent: number; stage: string } | null = null;

  const flush = () => {
    const next = pending;
    if (!next) return writing;
    pending = null;
    lastWriteAt = Date.now();
    writing = writing.then(() => write(next.percent, next.stage));
    return writing;
  };
  const report: ReportProgress = (fraction, stage) => {
    pending = { percent: Math.max(0, Math.min(100, Math.round(fraction * 100))), stage };
    if (Date.now() - lastWriteAt >= minimumGapMs) return flush();
    return undefined;
  };
  return { report, settled: () => flush() };
}
