import type { EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { Public } from '../access/public.decorator';
import { EpisodeFiltersDto } from '../metrics/episode-filters.dto';
import { EvidenceClaimDetailDoc, EvidenceResponseDoc } from './evidence.response';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@Controller({ path: 'evidence', version: '1' })
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: EvidenceResponseDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter is unknown or malformed; the message names it' })
  board(@Query() filters: EpisodeFiltersDto): Promise<EvidenceResponse> {
    return this.evidence.board(UNRESTRICTED_SCOPE, filters);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: EvidenceClaimDetailDoc })
  @ApiBadRequestResponse({ description: 'A filter parameter or the id is malformed' })
  @ApiNotFoundResponse({ description: 'No claim with this id on the board' })
  claim(@Param('id', ParseIntPipe) id: number, @Query() filters: EpisodeFiltersDto): Promise<EvidenceClaimDetail> {
    return this.evidence.claim(UNRESTRICTED_SCOPE, filters, id);
  }
}
