import { QUALITY_MEASURE_IDS } from '@iop/contracts';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AccessScope } from '../access/access-scope';
import { CurrentUser, Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { QualityPatientsQueryDto } from '../quality/quality-query.dto';
import { EXPORT_CONTENT_TYPES, startDownload } from './download';
import { QualityPatientsExportService } from './quality-patients-export.service';
import type { ExportFormat } from './tabular-export';
import { DEFAULT_XLSX_ROW_LIMIT } from './xlsx-row-limit';

const ROW_DESCRIPTION =
  "The rows of GET /quality/measures/{id}/patients: one per episode of the measure's numerator or denominator, " +
  'the date columns headed with what they mean for the measure. Director (own programs) and admin: patient key, ' +
  'episode id and exact dates; quality: de-identified (no key or id, years instead of dates). Payers: 403. ' +
  'Audited as export.quality-patients.';
const MEASURE_ID = ApiParam({ name: 'id', enum: QUALITY_MEASURE_IDS, description: 'The quality measure' });
const BAD_QUERY = ApiBadRequestResponse({ description: 'A parameter is unknown or malformed; the message names it' });
const UNKNOWN_MEASURE = ApiNotFoundResponse({ description: 'No quality measure with this id' });

/** A quality measure's patient list as CSV and XLSX, audited like the JSON list. */
@ApiTags('quality', 'exports')
@Controller({ path: 'quality/measures', version: '1' })
export class QualityPatientsExportController {
  constructor(private readonly exports: QualityPatientsExportService) {}

  @Get(':id/patients.csv')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: "A quality measure's patient list as CSV", description: ROW_DESCRIPTION })
  @MEASURE_ID
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @BAD_QUERY
  @UNKNOWN_MEASURE
  patientsCsv(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Param('id') id: string,
    @Query() query: QualityPatientsQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.download(user, scope, id, query, 'csv', request, response);
  }

  @Get(':id/patients.xlsx')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: "A quality measure's patient list as an Excel workbook", description: ROW_DESCRIPTION })
  @MEASURE_ID
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({
    description: 'Sheet "Patients" (typed columns, frozen header) and sheet "About" (measure, filters, columns)',
    schema: { type: 'string', format: 'binary' },
  })
  @BAD_QUERY
  @UNKNOWN_MEASURE
  @ApiUnprocessableEntityResponse({
    description: `More episodes than an XLSX export holds (${DEFAULT_XLSX_ROW_LIMIT.toLocaleString('en-US')}); the message points to the CSV`,
  })
  patientsXlsx(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Param('id') id: string,
    @Query() query: QualityPatientsQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.download(user, scope, id, query, 'xlsx', request, response);
  }

  private async download(
    user: SignedInUser,
    scope: AccessScope,
    id: string,
    query: QualityPatientsQueryDto,
    format: ExportFormat,
    request: Request,
    response: Response,
  ): Promise<void> {
    const { population, ...filters } = query;
    const prepared = await this.exports.prepare(user, scope, filters, id, population, format);
    startDownload(response, prepared.fileName, format);
    await this.exports.write(prepared, request.ip ?? null, response);
  }
}
