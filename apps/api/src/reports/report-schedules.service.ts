import type { CreateReportScheduleRequest, ReportSchedule, ReportScheduleList } from '@iop/contracts';
import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { mayRequest, PAYER_KIND_MESSAGE } from './report-access';
import { REPORT_DELIVERY, type ReportDelivery } from './report-delivery';
import { ReportSchedulesQuery } from './report-schedules.query';

/** Schedules of reports: created, listed and deleted by their owner (and by admins), each change audited. */
@Injectable()
export class ReportSchedulesService {
  constructor(
    private readonly schedules: ReportSchedulesQuery,
    private readonly audit: AuditService,
    @Inject(REPORT_DELIVERY) private readonly delivery: ReportDelivery,
  ) {}

  async create(user: SignedInUser, request: CreateReportScheduleRequest, ip: string | null): Promise<ReportSchedule> {
    if (!mayRequest(user.role, request.kind)) throw new ForbiddenException(PAYER_KIND_MESSAGE);
    const id = await this.schedules.insert({
      ownerId: user.id,
      kind: request.kind,
      cadence: request.cadence,
      filters: request.filters ?? {},
      delivery: this.delivery.name,
    });
    const created = (await this.schedules.visible(user, id)) as ReportSchedule;
    await this.audit.record({
      user,
      action: 'report.schedule.create',
      resource: `report-schedules/${id}`,
      filters: created.filters,
      ip,
      details: { kind: created.kind, cadence: created.cadence, delivery: created.delivery },
    });
    return created;
  }

  async list(user: SignedInUser): Promise<ReportScheduleList> {
    return { schedules: await this.schedules.list(user) };
  }

  async remove(user: SignedInUser, id: string, ip: string | null): Promise<void> {
    const schedule = await this.schedules.visible(user, id);
    if (!schedule) throw new NotFoundException(`No report schedule ${id}`);
    await this.schedules.softDelete(id);
    await this.audit.record({
      user,
      action: 'report.schedule.delete',
      resource: `report-schedules/${id}`,
      ip,
      details: { kind: schedule.kind, cadence: schedule.cadence, owner: schedule.owner },
    });
  }
}
