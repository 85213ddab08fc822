import type {
  AttendanceHeatmapResponse,
  ComplianceResponse,
  HoursHistogramResponse,
  NoShowsResponse,
} from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { Public } from '../access/public.decorator';
import { EpisodeFiltersDto } from '../metrics/episode-filters.dto';
import {
  AttendanceHeatmapResponseDoc,
  ComplianceResponseDoc,
  HoursHistogramResponseDoc,
  NoShowsResponseDoc,
} from './attendance.response';
import { AttendanceService } from './attendance.service';

const BAD_FILTER = 'A parameter is unknown or malformed; the message names it';

@ApiTags('attendance')
@Controller({ path: 'attendance', version: '1' })
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('heatmap')
  @Public()
  @ApiOperation({ summary: 'Attendance rate per local weekday x morning/afternoon/evening (docs/METRICS.md)' })
  @ApiOkResponse({ type: AttendanceHeatmapResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  heatmap(@Query() filters: EpisodeFiltersDto): Promise<AttendanceHeatmapResponse> {
    return this.attendance.heatmap(UNRESTRICTED_SCOPE, filters);
  }

  @Get('compliance')
  @Public()
  @ApiOperation({ summary: 'Compliance score and each component: mean and share meeting 0.80' })
  @ApiOkResponse({ type: ComplianceResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  compliance(@Query() filters: EpisodeFiltersDto): Promise<ComplianceResponse> {
    return this.attendance.compliance(UNRESTRICTED_SCOPE, filters);
  }

  @Get('hours')
  @Public()
  @ApiOperation({ summary: 'Histogram of attended hours per week per episode, with the intensity floor' })
  @ApiOkResponse({ type: HoursHistogramResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  hours(@Query() filters: EpisodeFiltersDto): Promise<HoursHistogramResponse> {
    return this.attendance.hours(UNRESTRICTED_SCOPE, filters);
  }

  @Get('no-shows')
  @Public()
  @ApiOperation({ summary: 'Share of each appointment status per session type, with no-show and cancellation rates' })
  @ApiOkResponse({ type: NoShowsResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  noShows(@Query() filters: EpisodeFiltersDto): Promise<NoShowsResponse> {
    return this.attendance.noShows(UNRESTRICTED_SCOPE, filters);
  }
}
