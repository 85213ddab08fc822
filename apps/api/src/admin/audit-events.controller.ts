import type { AuditEventPage } from '@iop/contracts';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditEventFiltersDto, AuditEventPageDoc, AuditEventPageQueryDto } from './audit-events.dto';
import { AuditLogService } from './audit-log.service';

@ApiTags('admin')
@Controller({ path: 'admin', version: '1' })
export class AuditEventsController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get('audit-events')
  @Roles('admin')
  @ApiOperation({ summary: 'The audit log, newest first, filtered and paged (audited as admin.audit.read)' })
  @ApiOkResponse({ type: AuditEventPageDoc })
  @ApiBadRequestResponse({ description: 'A filter or paging parameter is malformed; the message names it' })
  page(
    @CurrentUser() admin: SignedInUser,
    @Query() query: AuditEventPageQueryDto,
    @Req() request: Request,
  ): Promise<AuditEventPage> {
    return this.auditLog.page(admin, query, request.ip ?? null);
  }

  @Get('audit-events.csv')
  @Roles('admin')
  @ApiOperation({ summary: 'Every matching event as CSV, streamed, newest first (audited as admin.audit.export)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'A filter parameter is malformed; the message names it' })
  async exportCsv(
    @CurrentUser() admin: SignedInUser,
    @Query() query: AuditEventFiltersDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.auditLog.checkExport(query);
    const day = new Date().toISOString().slice(0, 10);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="audit-events-${day}.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    await this.auditLog.exportCsv(admin, query, request.ip ?? null, response);
  }
}
