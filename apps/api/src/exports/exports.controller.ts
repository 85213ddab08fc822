import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AccessScope } from '../access/access-scope';
import { CurrentUser, Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { EpisodeFiltersDto } from '../metrics/episode-filters.dto';
import { EpisodeExportService, type ExportFormat, isDeIdentifiedFor } from './episode-export.service';
import { DEFAULT_XLSX_ROW_LIMIT } from './xlsx-row-limit';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Headers of a download; set before the first byte, so a filter error before them is still a plain 400. */
function startDownload(response: Response, user: SignedInUser, format: ExportFormat): void {
  const day = new Date().toISOString().slice(0, 10);
  const name = isDeIdentifiedFor(user) ? 'episodes-deidentified' : 'episodes';
  response.status(200);
  response.setHeader('Content-Type', CONTENT_TYPES[format]);
  response.setHeader('Content-Disposition', `attachment; filename="${name}-${day}.${format}"`);
  response.setHeader('Cache-Control', 'no-store');
}

const ROW_DESCRIPTION =
  'One row per selected episode. Director (own programs) and admin: pseudonymous patient key and exact dates; ' +
  'quality: de-identified (no keys or ids, years instead of dates, ages over 89 as 90+, restricted ZIP3 as 000). ' +
  'Payers get aggregates only (403). Audited as export.episodes.';

/** Patient-level exports of the selected episodes (issue 5 section 4, issue 6 section 2). */
@ApiTags('exports')
@Controller({ path: 'exports', version: '1' })
export class ExportsController {
  constructor(private readonly exports: EpisodeExportService) {}

  @Get('episodes.csv')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'The selected episodes as CSV, streamed', description: ROW_DESCRIPTION })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'A filter is malformed; the message names it' })
  async episodesCsv(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Query() filters: EpisodeFiltersDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    startDownload(response, user, 'csv');
    await this.exports.writeCsv(user, scope, filters, request.ip ?? null, response);
  }

  @Get('episodes.xlsx')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'The selected episodes as an Excel workbook, streamed', description: ROW_DESCRIPTION })
  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({
    description: 'Sheet "Episodes" (typed columns, frozen header) and sheet "About" (filters, time, columns)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A filter is malformed; the message names it' })
  @ApiUnprocessableEntityResponse({
    description: `More episodes than an XLSX export holds (${DEFAULT_XLSX_ROW_LIMIT.toLocaleString('en-US')}); the message says so and points to the CSV`,
  })
  async episodesXlsx(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Query() filters: EpisodeFiltersDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.exports.assertFitsInXlsx(scope, filters);
    startDownload(response, user, 'xlsx');
    await this.exports.writeXlsx(user, scope, filters, request.ip ?? null, response);
  }
}
