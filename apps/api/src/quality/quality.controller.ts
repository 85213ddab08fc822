import type { QualityMeasureDetailResponse, QualityMeasuresResponse, QualityPatientsResponse } from '@iop/contracts';
import { QUALITY_MEASURE_IDS } from '@iop/contracts';
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AccessScope } from '../access/access-scope';
import { CurrentUser, Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';
import { QualityPatientsQueryDto } from './quality-query.dto';
import {
  QualityMeasureDetailResponseDoc,
  QualityMeasuresResponseDoc,
  QualityPatientsResponseDoc,
} from './quality.response';
import { QualityService } from './quality.service';

const BAD_FILTER = 'A parameter is unknown or malformed; the message names it';
const MEASURE_ID = ApiParam({ name: 'id', enum: QUALITY_MEASURE_IDS, description: 'The quality measure' });
const UNKNOWN_MEASURE = ApiNotFoundResponse({ description: 'No quality measure with this id' });

@ApiTags('quality')
@Controller({ path: 'quality/measures', version: '1' })
export class QualityController {
  constructor(private readonly quality: QualityService) {}

  @Get()
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Every quality measure of the selected episodes (docs/METRICS.md "Quality measures")' })
  @ApiOkResponse({ type: QualityMeasuresResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  measures(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<QualityMeasuresResponse> {
    return this.quality.measures(scope, filters);
  }

  @Get(':id')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({
    summary: 'One quality measure: its trend by month of admission, its split by program and payer, its funnel plot',
  })
  @MEASURE_ID
  @ApiOkResponse({ type: QualityMeasureDetailResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  @UNKNOWN_MEASURE
  detail(
    @Scope() scope: AccessScope,
    @Param('id') id: string,
    @Query() filters: EpisodeFiltersDto,
  ): Promise<QualityMeasureDetailResponse> {
    return this.quality.detail(scope, filters, id);
  }

  // Patient-level rows: not for payers, and every call is audited.
  @Get(':id/patients')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({
    summary: "The episodes behind a measure's numerator or denominator, with the dates that decided them",
  })
  @MEASURE_ID
  @ApiOkResponse({ type: QualityPatientsResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  @UNKNOWN_MEASURE
  patients(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Param('id') id: string,
    @Query() query: QualityPatientsQueryDto,
    @Req() request: Request,
  ): Promise<QualityPatientsResponse> {
    const { population, ...filters } = query;
    return this.quality.patients(user, scope, filters, id, population, request.ip ?? null);
  }
}
