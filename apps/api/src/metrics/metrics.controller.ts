import type { SummaryResponse } from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { Public } from '../access/public.decorator';
import { EpisodeFiltersDto } from './episode-filters.dto';
import { MetricsService } from './metrics.service';
import { SummaryResponseDoc } from './summary.response';

@ApiTags('metrics')
@Controller({ path: 'metrics', version: '1' })
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('summary')
  @Public()
  @ApiOkResponse({ type: SummaryResponseDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter is unknown or malformed; the message names it' })
  summary(@Query() filters: EpisodeFiltersDto): Promise<SummaryResponse> {
    return this.metrics.summary(UNRESTRICTED_SCOPE, filters);
  }
}
