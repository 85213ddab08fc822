import {
  COMPARATOR_KINDS,
  type ComparatorKind,
  type ComparatorSetting,
  type ComparatorSettingsResponse,
} from '@iop/contracts';
import { BadRequestException, Body, Controller, Get, Param, ParseEnumPipe, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { ComparatorSettingDoc, ComparatorSettingDto, ComparatorSettingsResponseDoc } from './comparator-settings.dto';
import { ComparatorSettingsService } from './comparator-settings.service';

const KIND_PIPE = new ParseEnumPipe(Object.fromEntries(COMPARATOR_KINDS.map((kind) => [kind, kind])), {
  exceptionFactory: () => new BadRequestException(`kind must be one of ${COMPARATOR_KINDS.join(', ')}`),
});

@ApiTags('costs')
@Controller({ path: 'costs/comparators', version: '1' })
export class ComparatorSettingsController {
  constructor(private readonly comparators: ComparatorSettingsService) {}

  @Get()
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({
    summary: 'The inpatient and residential comparators: length of stay with its range, outcome rates, sources',
  })
  @ApiOkResponse({ type: ComparatorSettingsResponseDoc })
  @ApiRefusesParameters()
  async list(@Query() _none: NoParameters): Promise<ComparatorSettingsResponse> {
    return { comparators: await this.comparators.list() };
  }

  @Put(':kind')
  @Roles('admin')
  @ApiOperation({ summary: 'Set a comparator (audited as admin.settings.update)' })
  @ApiParam({ name: 'kind', enum: COMPARATOR_KINDS })
  @ApiOkResponse({ type: ComparatorSettingDoc })
  @ApiBadRequestResponse({
    description:
      'A figure is missing or out of range, lowDays <= typicalDays <= highDays does not hold, or a source is empty',
  })
  @ApiNotFoundResponse({ description: 'There is no organisation yet' })
  update(
    @CurrentUser() admin: SignedInUser,
    @Param('kind', KIND_PIPE) kind: ComparatorKind,
    @Body() body: ComparatorSettingDto,
    @Req() request: Request,
  ): Promise<ComparatorSetting> {
    return this.comparators.update(admin, kind, body, request.ip ?? null);
  }
}
