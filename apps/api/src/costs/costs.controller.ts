import type { CostSummaryResponse } from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { Public } from '../access/public.decorator';
import { EpisodeFiltersDto } from '../metrics/episode-filters.dto';
import { CostSummaryResponseDoc } from './costs.response';
import { CostsService } from './costs.service';

@ApiTags('costs')
@Controller({ path: 'costs', version: '1' })
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get('summary')
  @Public()
  @ApiOperation({ summary: 'Cost per episode, week, completer, 90-day retained and abstinent patient; ICERs' })
  @ApiOkResponse({ type: CostSummaryResponseDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter is unknown or malformed; the message names it' })
  summary(@Query() filters: EpisodeFiltersDto): Promise<CostSummaryResponse> {
    return this.costs.summary(UNRESTRICTED_SCOPE, filters);
  }
}
