import type { EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../access/access-scope';
import { Scope } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import { EpisodeFiltersDto } from '../episodes/episode-filters.dto';
import { EvidenceClaimDetailDoc, EvidenceResponseDoc } from './evidence.response';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@Controller({ path: 'evidence', version: '1' })
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @Roles('director', 'quality', 'admin')
  @ApiOperation({
    summary: "The evidence board: each of the article's claims tested on the selected episodes, with a verdict",
  })
  @ApiOkResponse({ type: EvidenceResponseDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter is unknown or malformed; the message names it' })
  board(@Scope() scope: AccessScope, @Query() filters: EpisodeFiltersDto): Promise<EvidenceResponse> {
    return this.evidence.board(scope, filters);
  }

  @Get(':id')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: "One claim's card, with the full detail of its chart (e.g. the Kaplan-Meier steps)" })
  @ApiOkResponse({ type: EvidenceClaimDetailDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter or the id is malformed' })
  @ApiNotFoundResponse({ description: 'No claim with this id on the board' })
  claim(
    @Scope() scope: AccessScope,
    @Param('id', ParseIntPipe) id: number,
    @Query() filters: EpisodeFiltersDto,
  ): Promise<EvidenceClaimDetail> {
    return this.evidence.claim(scope, filters, id);
  }
}
