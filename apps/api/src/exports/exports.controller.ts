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
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';
import { isDeIdentifiedFor } from './de-identify';
import { EXPORT_CONTENT_TYPES, startDownload } from './download';
import { EpisodeExportService } from './episode-export.service';
import { DEFAULT_XLSX_ROW_LIMIT } from './xlsx-row-limit';

/** The episode export's download name: de-identified exports say so in their name. */
const fileNameFor = (user: SignedInUser): string => (isDeIdentifiedFor(user) ? 'episodes-deidentified' : 'episodes');

const ROW_DESCRIPTION =
  'One row per selected episode. Director (own programs) and admin: pseudonymous patient key and exact dates; ' +
  'quality: de-identified (no keys or ids, years instead of dates, ages over 89 as 90+, restricted ZIP3 as 000). ' +
  'Payers get aggregates only (403). Audited as export.episodes.';

/** Patient-level exports of the selected episodes, streamed, audited, de-identified for quality (docs/SECURITY.md). */
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
    startDownload(response, fileNameFor(user), 'csv');
    await this.exports.writeCsv(user, scope, filters, request.ip ?? null, response);
  }

  @Get('episodes.xlsx')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'The selected episodes as an Excel workbook, streamed', description: ROW_DESCRIPTION })
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
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
    startDownload(response, fileNameFor(user), 'xlsx');
    await this.exports.writeXlsx(user, scope, filters, request.ip ?? null, response);
  }
}
