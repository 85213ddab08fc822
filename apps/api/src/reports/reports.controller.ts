import type { ReportJob, ReportList } from '@iop/contracts';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { CreateReportDto, ReportJobDoc, ReportListDoc } from './reports.dto';
import { REPORT_LIST_LIMIT, ReportsService } from './reports.service';

const UUID = new ParseUUIDPipe({ version: '4' });
const ID_NOT_UUID_OR_PARAMETER = 'The id is not a UUID, or a parameter was sent (this endpoint takes none)';

/** PDF reports generated as background jobs (docs/ARCHITECTURE.md, "Job queue"). */
@ApiTags('reports')
@Controller({ path: 'reports', version: '1' })
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(202)
  @Roles('director', 'quality', 'admin', 'payer')
  @ApiOperation({
    summary: 'Queue a report (outcomes or payer); payers may only have the payer report',
    description: 'Answers at once with the queued job; poll GET /reports/{id} for its progress.',
  })
  @ApiAcceptedResponse({ type: ReportJobDoc })
  @ApiBadRequestResponse({ description: 'kind or a filter is malformed; the message names it' })
  create(@CurrentUser() user: SignedInUser, @Body() body: CreateReportDto): Promise<ReportJob> {
    return this.reports.create(user, body);
  }

  @Get()
  @Roles('director', 'quality', 'admin', 'payer')
  @ApiOperation({ summary: `Your reports, newest first, at most ${REPORT_LIST_LIMIT} (an admin sees everyone's)` })
  @ApiOkResponse({ type: ReportListDoc })
  @ApiRefusesParameters()
  list(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<ReportList> {
    return this.reports.list(user);
  }

  @Get(':id')
  @Roles('director', 'quality', 'admin', 'payer')
  @ApiOperation({ summary: 'One report: status, progress and stage while it runs, the file facts once done' })
  @ApiOkResponse({ type: ReportJobDoc })
  @ApiRefusesParameters(ID_NOT_UUID_OR_PARAMETER)
  @ApiNotFoundResponse({ description: 'No such report, or not yours (admins see every report)' })
  get(
    @CurrentUser() user: SignedInUser,
    @Param('id', UUID) id: string,
    @Query() _none: NoParameters,
  ): Promise<ReportJob> {
    return this.reports.get(user, id);
  }

  @Get(':id/file')
  @Roles('director', 'quality', 'admin', 'payer')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Download the PDF of a succeeded report (audited as export.report)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiRefusesParameters(ID_NOT_UUID_OR_PARAMETER)
  @ApiNotFoundResponse({ description: 'No such report, or not yours (admins see every report)' })
  @ApiConflictResponse({ description: 'The report has not succeeded (yet)' })
  async file(
    @CurrentUser() user: SignedInUser,
    @Param('id', UUID) id: string,
    @Query() _none: NoParameters,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const download = await this.reports.download(user, id, request.ip ?? null);
    return new StreamableFile(download.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${download.fileName}"`,
      length: download.content.length,
    });
  }
}
