import type { CreateReportRequest, ReportJob, ReportList } from '@iop/contracts';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { mayRequest, PAYER_KIND_MESSAGE } from './report-access';
import { ReportQueue } from './report-queue';
import { ReportsQuery } from './reports.query';

/** GET /reports answers at most this many, newest first. */
export const REPORT_LIST_LIMIT = 100;

/** A stored PDF ready to send. */
export interface ReportDownload {
  fileName: string;
  content: Buffer;
}

/** Reports on demand: queued as jobs, listed and downloaded by their requester (and by admins). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsQuery,
    private readonly queue: ReportQueue,
    private readonly audit: AuditService,
  ) {}

  async create(user: SignedInUser, request: CreateReportRequest): Promise<ReportJob> {
    if (!mayRequest(user.role, request.kind)) throw new ForbiddenException(PAYER_KIND_MESSAGE);
    // Read back inside the transaction: once it commits, the worker may already have started the job.
    const queued = await this.dataSource.transaction(async (manager) => {
      const reportId = await this.reports.insert(manager, {
        kind: request.kind,
        filters: request.filters ?? {},
        requestedBy: user.id,
      });
      await this.queue.enqueue([reportId], manager);
      return (await this.reports.visible(user, reportId, manager)) as ReportJob;
    });
    this.queue.wake();
    return queued;
  }

  async list(user: SignedInUser): Promise<ReportList> {
    return { reports: await this.reports.list(user, REPORT_LIST_LIMIT) };
  }

  async get(user: SignedInUser, id: string): Promise<ReportJob> {
    const report = await this.reports.visible(user, id);
    // Someone else's report is answered as missing, so that ids cannot be probed.
    if (!report) throw new NotFoundException(`No report ${id}`);
    return report;
  }

  /** The PDF of a succeeded report; every download is audited as export.report. */
  async download(user: SignedInUser, id: string, ip: string | null): Promise<ReportDownload> {
    const report = await this.get(user, id);
    if (report.status !== 'succeeded') {
      throw new ConflictException(`Report ${id} is ${report.status}; it can be downloaded once it has succeeded`);
    }
    const content = await this.reports.file(id);
    if (!content) throw new NotFoundException(`The file of report ${id} is missing`);
    await this.audit.record({
      user,
      action: 'export.report',
      resource: `reports/${id}`,
      filters: report.filters,
      ip,
      details: { kind: report.kind, pageCount: report.pageCount, sizeBytes: report.sizeBytes },
    });
    const day = new Date(report.createdAt).toISOString().slice(0, 10);
    return { fileName: `${report.kind}-report-${day}.pdf`, content };
  }
}
