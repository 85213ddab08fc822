import type { ImportJob, ImportList } from '@iop/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { writeRejectionsCsv } from './rejections-csv';
import { type ImportUpload, ImportUploadInterceptor, UploadedImport } from './import-upload.interceptor';
import {
  CREATE_IMPORT_BODY_SCHEMA,
  CreateImportFieldsDto,
  ImportJobDoc,
  ImportListDoc,
  importOptionsOf,
} from './imports.dto';
import { IMPORT_LIST_LIMIT, ImportsService } from './imports.service';

const UUID = new ParseUUIDPipe({ version: '4' });
const ID_NOT_UUID_OR_PARAMETER = 'The id is not a UUID, or a parameter was sent (this endpoint takes none)';
const NOT_FOUND = 'No such import in your organisation';

/** A program's own data, uploaded as CSV or FHIR R4 files and imported as a background job (docs/DATA-IMPORT.md). */
@ApiTags('imports')
@Controller({ path: 'imports', version: '1' })
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary: 'Upload files to import (a dry run unless dryRun is false); audited as import.create',
    description:
      'The files are streamed to disk and imported by a background job; poll GET /imports/{id}. A dry run ' +
      'writes nothing and can be confirmed within 24 hours (POST /imports/{id}/confirm).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: CREATE_IMPORT_BODY_SCHEMA })
  @ApiAcceptedResponse({ type: ImportJobDoc })
  @ApiBadRequestResponse({ description: 'No file, a file name an import does not read, or a bad field; named' })
  @ApiPayloadTooLargeResponse({ description: 'A file is over IOP_IMPORT_MAX_FILE_MB; nothing is kept' })
  create(
    @CurrentUser() user: SignedInUser,
    @UploadedImport() upload: ImportUpload,
    @Body() fields: CreateImportFieldsDto,
    @Req() request: Request,
  ): Promise<ImportJob> {
    return this.imports.create(user, upload, importOptionsOf(fields), request.ip ?? null);
  }

  @Post(':id/confirm')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Import for real the files of a succeeded dry run; audited as import.confirm' })
  @ApiAcceptedResponse({ type: ImportJobDoc })
  @ApiRefusesParameters(ID_NOT_UUID_OR_PARAMETER)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Not a succeeded dry run, its files are gone, or it is confirmed already' })
  confirm(
    @CurrentUser() user: SignedInUser,
    @Param('id', UUID) id: string,
    @Query() _none: NoParameters,
    @Req() request: Request,
  ): Promise<ImportJob> {
    return this.imports.confirm(user, id, request.ip ?? null);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: `Your organisation's imports, newest first, at most ${IMPORT_LIST_LIMIT}, and the limits` })
  @ApiOkResponse({ type: ImportListDoc })
  @ApiRefusesParameters()
  list(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<ImportList> {
    return this.imports.list(user);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One import: status, stage and progress while it runs; counts and first rejections' })
  @ApiOkResponse({ type: ImportJobDoc })
  @ApiRefusesParameters(ID_NOT_UUID_OR_PARAMETER)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(
    @CurrentUser() user: SignedInUser,
    @Param('id', UUID) id: string,
    @Query() _none: NoParameters,
  ): Promise<ImportJob> {
    return this.imports.get(user, id);
  }

  @Get(':id/rejections.csv')
  @Roles('admin')
  @ApiOperation({ summary: 'Every rejected row of an import as CSV, in file order (audited)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV with the header file,line,resource_id,field,value,reason',
    schema: { type: 'string' },
  })
  @ApiRefusesParameters(ID_NOT_UUID_OR_PARAMETER)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async rejections(
    @CurrentUser() user: SignedInUser,
    @Param('id', UUID) id: string,
    @Query() _none: NoParameters,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await this.imports.rejections(user, id, request.ip ?? null);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="import-${id}-rejections.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    await writeRejectionsCsv(rows, response);
  }
}
