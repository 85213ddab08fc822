import type { FilterOptionsResponse } from '@iop/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { Public } from '../access/public.decorator';
import { FilterOptionsResponseDoc } from './filter-options.response';
import { FilterOptionsQuery } from './filter-options.query';

@ApiTags('filters')
@Controller({ path: 'filters', version: '1' })
export class FiltersController {
  constructor(private readonly options: FilterOptionsQuery) {}

  @Get('options')
  @Public()
  @ApiOperation({ summary: 'The values each episode filter can take: those occurring among the episodes' })
  @ApiOkResponse({ type: FilterOptionsResponseDoc })
  filterOptions(): Promise<FilterOptionsResponse> {
    return this.options.run(UNRESTRICTED_SCOPE);
  }
}
