import type {
  BreakdownResponse,
  DischargeReasonsResponse,
  FlowResponse,
  FunnelResponse,
  SummaryResponse,
  TrendResponse,
} from '@iop/contracts';
import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../access/access-scope';
import { CurrentUser, Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';
import { DischargeReasonsResponseDoc, FlowResponseDoc } from './flow.response';
import { FunnelQueryDto } from './funnel-query.dto';
import { FunnelResponseDoc } from './funnel.response';
import { FunnelService } from './funnel.service';
import { MetricsService } from './metrics.service';
import { BreakdownResponseDoc, TrendResponseDoc } from './series.response';
import { BreakdownQueryDto, TrendQueryDto } from './series-query.dto';
import { SummaryResponseDoc } from './summary.response';

const BAD_FILTER = 'A parameter is unknown or malformed; the message names it';

@ApiTags('metrics')
@Controller({ path: 'metrics', version: '1' })
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly funnels: FunnelService,
  ) {}

  @Get('summary')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Headline metrics of the selected episodes (docs/METRICS.md)' })
  @ApiOkResponse({ type: SummaryResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  summary(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<SummaryResponse> {
    return this.metrics.summary(scope, filters);
  }

  @Get('trend')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'A metric per month of admission of the selected episodes' })
  @ApiOkResponse({ type: TrendResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  trend(@Scope() scope: AccessScope, @Query() query: TrendQueryDto): Promise<TrendResponse> {
    const { metric, interval, ...filters } = query;
    return this.metrics.trend(scope, filters, metric, interval ?? 'month');
  }

  @Get('breakdown')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'A metric per group of an episode attribute, or of an appointment attribute' })
  @ApiOkResponse({ type: BreakdownResponseDoc })
  @ApiBadRequestResponse({ description: `${BAD_FILTER}, or the metric cannot be split by that attribute` })
  breakdown(@Scope() scope: AccessScope, @Query() query: BreakdownQueryDto): Promise<BreakdownResponse> {
    const { metric, by, ...filters } = query;
    return this.metrics.breakdown(scope, filters, metric, by);
  }

  @Get('funnel')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'A rate per program, counselor or payer against control limits around the network rate' })
  @ApiOkResponse({ type: FunnelResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  @ApiForbiddenResponse({ description: 'by=payer asked by anyone but an admin' })
  funnel(
    @CurrentUser() user: SignedInUser,
    @Scope() scope: AccessScope,
    @Query() query: FunnelQueryDto,
  ): Promise<FunnelResponse> {
    const { metric, by, adjust, ...filters } = query;
    // Payers compared with each other are the admin's view only (issue: "payers for the admin").
    if (by === 'payer' && user.role !== 'admin') throw new ForbiddenException('by=payer is for admins only');
    return this.funnels.funnel(scope, filters, metric, by, adjust ?? 'none');
  }

  @Get('flow')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Admissions (by admit month) and discharges (by discharge month) of the selected episodes' })
  @ApiOkResponse({ type: FlowResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  flow(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<FlowResponse> {
    return this.metrics.flow(scope, filters);
  }

  @Get('discharge-reasons')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Count and share of each TEDS-D discharge reason among discharged selected episodes' })
  @ApiOkResponse({ type: DischargeReasonsResponseDoc })
  @ApiBadRequestResponse({ description: BAD_FILTER })
  dischargeReasons(
    @Scope() scope: AccessScope,
    @Query() filters: EpisodeFiltersDto,
  ): Promise<DischargeReasonsResponse> {
    return this.metrics.dischargeReasons(scope, filters);
  }
}
