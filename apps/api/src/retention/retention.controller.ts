import type { RetentionResponse } from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../access/access-scope';
import { Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import { RetentionQueryDto } from './retention-query.dto';
import { RetentionResponseDoc } from './retention.response';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller({ path: 'retention', version: '1' })
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @Roles('director', 'quality', 'admin')
  @ApiOperation({
    summary: 'Kaplan-Meier curves of time to disengagement (discharge reason 2 or 3) per group, log-rank test',
  })
  @ApiOkResponse({ type: RetentionResponseDoc })
  @ApiBadRequestResponse({ description: 'A parameter is unknown or malformed; the message names it' })
  curves(@Scope() scope: AccessScope, @Query() query: RetentionQueryDto): Promise<RetentionResponse> {
    const { groupBy = 'levelOfCare', ...filters } = query;
    return this.retention.curves(scope, filters, groupBy);
  }
}
