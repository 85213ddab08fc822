import type { EarlyWarningResponse } from '@iop/contracts';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AccessScope } from '../access/access-scope';
import { CurrentUser, Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { EXPORT_CONTENT_TYPES, startDownload } from '../exports/download';
import type { ExportFormat } from '../exports/tabular-export';
import { writeEarlyWarningExport } from './early-warning-export';
import { EarlyWarningQueryDto } from './early-warning-query.dto';
import { EarlyWarningResponseDoc } from './early-warning.response';
import { EarlyWarningService } from './early-warning.service';

const BAD_QUERY = ApiBadRequestResponse({ description: 'A parameter is unknown or malformed; the message names it' });
const WHO =
  'Directors (their programs) and admins: named patients to call, so not payers and not the quality role ' +
  '(docs/SECURITY.md). Every call is audited.';

// Patient-level rows for acting on: directors and admins only, each call audited.
@ApiTags('early-warning')
@Controller({ version: '1' })
export class EarlyWarningController {
  constructor(
    private readonly earlyWarning: EarlyWarningService,
    private readonly audit: AuditService,
  ) {}

  @Get('early-warning')
  @Roles('director', 'admin')
  @ApiOperation({
    summary: "Active patients ranked by their risk of disengaging within 14 days, with the model's validation",
    description: WHO,
  })
  @ApiOkResponse({ type: EarlyWarningResponseDoc })
  @BAD_QUERY
  list(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Query() query: EarlyWarningQueryDto,
    @Req() request: Request,
  ): Promise<EarlyWarningResponse> {
    const { sort, direction, ...filters } = query;
    return this.earlyWarning.list(user, scope, filters, { sort, direction }, request.ip ?? null);
  }

  @Get('early-warning.csv')
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'The early-warning list as CSV', description: WHO })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @BAD_QUERY
  csv(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Query() query: EarlyWarningQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.download(user, scope, query, 'csv', request, response);
  }

  @Get('early-warning.xlsx')
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'The early-warning list as an Excel workbook', description: WHO })
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({
    description: 'Sheet "Early warning" and sheet "About" (ranking, statement, filters, columns)',
    schema: { type: 'string', format: 'binary' },
  })
  @BAD_QUERY
  xlsx(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Query() query: EarlyWarningQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.download(user, scope, query, 'xlsx', request, response);
  }

  private async download(
    user: SignedInUser,
    scope: AccessScope,
    query: EarlyWarningQueryDto,
    format: ExportFormat,
    request: Request,
    response: Response,
  ): Promise<void> {
    const { sort, direction, ...filters } = query;
    // Computed before the first byte, so that a failure is still a plain error response.
    const answer = await this.earlyWarning.answer(scope, filters, { sort, direction });
    startDownload(response, 'early-warning', format);
    await writeEarlyWarningExport(this.audit, user, query, answer, format, request.ip ?? null, response);
  }
}
