import type { CostSummaryResponse } from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../access/access-scope';
import { Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';
import { CostSummaryResponseDoc } from './costs.response';
import { CostsService } from './costs.service';

@ApiTags('costs')
@Controller({ path: 'costs', version: '1' })
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get('summary')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Cost per episode, week, completer, 90-day retained and abstinent patient; ICERs' })
  @ApiOkResponse({ type: CostSummaryResponseDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter is unknown or malformed; the message names it' })
  summary(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<CostSummaryResponse> {
    return this.costs.summary(scope, filters);
  }
}
