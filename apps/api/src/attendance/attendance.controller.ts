import type {
  AttendanceHeatmapResponse,
  ComplianceResponse,
  HoursHistogramResponse,
  NoShowsResponse,
} from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../access/access-scope';
import { Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';
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
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'Attendance rate per local weekday x morning/afternoon/evening (docs/METRICS.md)' })
  @ApiOkResponse({ type: AttendanceHeatmapResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  heatmap(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<AttendanceHeatmapResponse> {
    return this.attendance.heatmap(scope, filters);
  }

  @Get('compliance')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'Compliance score and each component: mean and share meeting 0.80' })
  @ApiOkResponse({ type: ComplianceResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  compliance(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<ComplianceResponse> {
    return this.attendance.compliance(scope, filters);
  }

  @Get('hours')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'Histogram of attended hours per week per episode, with the intensity floor' })
  @ApiOkResponse({ type: HoursHistogramResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  hours(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<HoursHistogramResponse> {
    return this.attendance.hours(scope, filters);
  }

  @Get('no-shows')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: 'Share of each appointment status per session type, with no-show and cancellation rates' })
  @ApiOkResponse({ type: NoShowsResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  noShows(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<NoShowsResponse> {
    return this.attendance.noShows(scope, filters);
  }
}
