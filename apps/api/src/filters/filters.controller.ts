import type { FilterOptionsResponse } from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../access/access-scope';
import { Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { ResultCache } from '../common/result-cache';
import { FilterOptionsResponseDoc } from './filter-options.response';
import { FilterOptionsQuery } from './filter-options.query';

@ApiTags('filters')
@Controller({ path: 'filters', version: '1' })
export class FiltersController {
  constructor(
    private readonly options: FilterOptionsQuery,
    private readonly cache: ResultCache,
  ) {}

  @Get('options')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'The values each episode filter can take: those occurring among the episodes' })
  @ApiOkResponse({ type: FilterOptionsResponseDoc })
  @ApiRefusesParameters()
  filterOptions(@Scope() scope: AccessScope, @Query() _none: NoParameters): Promise<FilterOptionsResponse> {
    // Every page asks for them on load; they change only with the data.
    return this.cache.get(scope, {}, 'filter-options', () => this.options.run(scope));
  }
}
