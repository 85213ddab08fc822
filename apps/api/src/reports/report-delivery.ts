import type { ReportKind } from '@iop/contracts';
import { Injectable } from '@nestjs/common';

/** A report that has just succeeded, as a delivery step sees it. */
export interface DeliveredReport {
  reportId: string;
  kind: ReportKind;
  /** The user it was made for (the requester, or the schedule's owner). */
  requestedBy: number;
  scheduleId: string | null;
}

/**
 * What happens to a report once it succeeded. The stored file is always kept for download; a delivery may
 * also send it somewhere (e-mail once an SMTP server is configured). Its name is recorded on each schedule.
 */
export interface ReportDelivery {
  readonly name: string;
  deliver(report: DeliveredReport): Promise<void>;
}

/** The Nest injection token of the ReportDelivery. */
export const REPORT_DELIVERY = Symbol('REPORT_DELIVERY');

/** The default: the report stays on the Reports page to be downloaded, which needs nothing more. */
@Injectable()
export class DownloadDelivery implements ReportDelivery {
  readonly name = 'download';

  async deliver(): Promise<void> {
    // The file is already stored; the Reports page lists it.
  }
}
