import type { Annotation, AnnotationList } from '@iop/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { AnnotationDoc, AnnotationDto, AnnotationListDoc, AnnotationQueryDto } from './annotations.dto';
import { AnnotationsService } from './annotations.service';
import { ID_PIPE } from '../common/whole-number-param';

const WRITE_SCOPE =
  'A director writes notes on their own programs; quality and admin on any program or the whole network (403 otherwise)';
const BAD_NOTE =
  'A field is missing or malformed (text over 2,000 characters, until before on...); the message names it';

@ApiTags('annotations')
@Controller({ path: 'annotations', version: '1' })
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get()
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({
    summary: 'Notes on the charts that touch a date window (audited as annotations.read)',
    description:
      'Network-wide notes and those of the programs in your scope (payers: network-wide notes only), oldest first.',
  })
  @ApiOkResponse({ type: AnnotationListDoc })
  @ApiBadRequestResponse({ description: 'A parameter is malformed or unknown; the message names it' })
  list(
    @CurrentUser() user: SignedInUser,
    @Query() query: AnnotationQueryDto,
    @Req() request: Request,
  ): Promise<AnnotationList> {
    return this.annotations.list(user, query, request.ip ?? null);
  }

  @Post()
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: `Add a note (audited as annotations.create). ${WRITE_SCOPE}` })
  @ApiCreatedResponse({ type: AnnotationDoc })
  @ApiBadRequestResponse({ description: BAD_NOTE })
  create(@CurrentUser() user: SignedInUser, @Body() body: AnnotationDto, @Req() request: Request): Promise<Annotation> {
    return this.annotations.create(user, body, request.ip ?? null);
  }

  @Put(':id')
  @Roles('director', 'quality', 'admin')
  @ApiOperation({ summary: `Change a note, every field (audited as annotations.update). ${WRITE_SCOPE}` })
  @ApiOkResponse({ type: AnnotationDoc })
  @ApiBadRequestResponse({ description: BAD_NOTE })
  @ApiNotFoundResponse({ description: 'No such note among those you may see' })
  update(
    @CurrentUser() user: SignedInUser,
    @Param('id', ID_PIPE) id: number,
    @Body() body: AnnotationDto,
    @Req() request: Request,
  ): Promise<Annotation> {
    return this.annotations.update(user, id, body, request.ip ?? null);
  }

  @Delete(':id')
  @Roles('director', 'quality', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: `Delete a note (audited as annotations.delete). ${WRITE_SCOPE}` })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such note among those you may see' })
  remove(@CurrentUser() user: SignedInUser, @Param('id', ID_PIPE) id: number, @Req() request: Request): Promise<void> {
    return this.annotations.remove(user, id, request.ip ?? null);
  }
}
