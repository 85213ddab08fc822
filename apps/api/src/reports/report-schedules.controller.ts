import type { ReportSchedule, ReportScheduleList } from '@iop/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { CreateReportScheduleDto, ReportScheduleDoc, ReportScheduleListDoc } from './reports.dto';
import { ReportSchedulesService } from './report-schedules.service';

/**
 * Scheduled reports. Its routes are registered before ReportsController's, so that /reports/schedules is not
 * taken for /reports/:id.
 */
@ApiTags('reports')
@Controller({ path: 'reports/schedules', version: '1' })
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Post()
  @Roles('director', 'quality', 'admin', 'payer')
  @ApiOperation({
    summary: 'Schedule a report: weekly (Mondays) or monthly (the 1st), at 06:00 UTC (audited)',
    description: 'Payers may only schedule the payer report. The report is kept for download on the Reports page.',
  })
  @ApiCreatedResponse({ type: ReportScheduleDoc })
  @ApiBadRequestResponse({ description: 'kind, cadence or a filter is malformed; the message names it' })
  create(
    @CurrentUser() user: SignedInUser,
    @Body() body: CreateReportScheduleDto,
    @Req() request: Request,
  ): Promise<ReportSchedule> {
    return this.schedules.create(user, body, request.ip ?? null);
  }

  @Get()
  @Roles('director', 'quality', 'admin', 'payer')
  @ApiOperation({ summary: "Your schedules, with their next run and last status (an admin sees everyone's)" })
  @ApiOkResponse({ type: ReportScheduleListDoc })
  @ApiRefusesParameters()
  list(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<ReportScheduleList> {
    return this.schedules.list(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('director', 'quality', 'admin', 'payer')
  @ApiOperation({ summary: 'Stop a schedule; the reports it produced stay (audited)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such schedule, or not yours (admins may delete any)' })
  remove(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Req() request: Request,
  ): Promise<void> {
    return this.schedules.remove(user, id, request.ip ?? null);
  }
}
