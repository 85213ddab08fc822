import {
  BENCHMARK_METRIC_IDS,
  type Benchmark,
  type BenchmarkMetricId,
  type BenchmarksResponse,
  type ProgramTarget,
  type ProgramTargetsResponse,
} from '@iop/contracts';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
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
import {
  BenchmarkDoc,
  BenchmarkDto,
  BenchmarksResponseDoc,
  ProgramTargetDoc,
  ProgramTargetDto,
  ProgramTargetsResponseDoc,
} from './benchmarks.dto';
import { BenchmarksService } from './benchmarks.service';
import { ID_PIPE, wholeNumberParam } from '../common/whole-number-param';

const METRIC_PIPE = new ParseEnumPipe(Object.fromEntries(BENCHMARK_METRIC_IDS.map((metric) => [metric, metric])), {
  exceptionFactory: () => new BadRequestException(`metric must be one of ${BENCHMARK_METRIC_IDS.join(', ')}`),
});
const PROGRAM_PIPE = wholeNumberParam('programId');
const TARGET_SCOPE = 'An admin any program; a director only their own programs (403 otherwise)';

@ApiTags('benchmarks')
@Controller({ path: 'benchmarks', version: '1' })
export class BenchmarksController {
  constructor(private readonly benchmarks: BenchmarksService) {}

  @Get()
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Published reference values per metric, with source, year and whether comparable' })
  @ApiOkResponse({ type: BenchmarksResponseDoc })
  @ApiRefusesParameters()
  async list(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<BenchmarksResponse> {
    return { benchmarks: await this.benchmarks.list(user) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a benchmark (audited as admin.benchmarks.create)' })
  @ApiCreatedResponse({ type: BenchmarkDoc })
  @ApiBadRequestResponse({ description: 'A field is missing or out of range, or comparable and its reason disagree' })
  create(@CurrentUser() admin: SignedInUser, @Body() body: BenchmarkDto, @Req() request: Request): Promise<Benchmark> {
    return this.benchmarks.create(admin, body, request.ip ?? null);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a benchmark (audited as admin.benchmarks.update)' })
  @ApiOkResponse({ type: BenchmarkDoc })
  @ApiBadRequestResponse({ description: 'A field is missing or out of range, or comparable and its reason disagree' })
  @ApiNotFoundResponse({ description: 'No such benchmark in the organisation' })
  update(
    @CurrentUser() admin: SignedInUser,
    @Param('id', ID_PIPE) id: number,
    @Body() body: BenchmarkDto,
    @Req() request: Request,
  ): Promise<Benchmark> {
    return this.benchmarks.update(admin, id, body, request.ip ?? null);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a benchmark (audited as admin.benchmarks.delete)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such benchmark in the organisation' })
  remove(@CurrentUser() admin: SignedInUser, @Param('id', ID_PIPE) id: number, @Req() request: Request): Promise<void> {
    return this.benchmarks.remove(admin, id, request.ip ?? null);
  }

  @Get('targets/:programId')
  @Roles('director', 'admin')
  @ApiOperation({ summary: `A program's targets. ${TARGET_SCOPE}` })
  @ApiOkResponse({ type: ProgramTargetsResponseDoc })
  @ApiRefusesParameters()
  @ApiNotFoundResponse({ description: 'No such program in the organisation' })
  async targets(
    @CurrentUser() user: SignedInUser,
    @Param('programId', PROGRAM_PIPE) programId: number,
    @Query() _none: NoParameters,
  ): Promise<ProgramTargetsResponse> {
    return { programId, targets: await this.benchmarks.targets(user, programId) };
  }

  @Put('targets/:programId/:metric')
  @Roles('director', 'admin')
  @ApiOperation({ summary: `Set a program's target for a metric (audited as program.targets.update). ${TARGET_SCOPE}` })
  @ApiParam({ name: 'metric', enum: BENCHMARK_METRIC_IDS })
  @ApiOkResponse({ type: ProgramTargetDoc })
  @ApiBadRequestResponse({ description: 'Unknown metric, or the value or direction is missing or out of range' })
  @ApiNotFoundResponse({ description: 'No such program in the organisation' })
  setTarget(
    @CurrentUser() user: SignedInUser,
    @Param('programId', PROGRAM_PIPE) programId: number,
    @Param('metric', METRIC_PIPE) metric: BenchmarkMetricId,
    @Body() body: ProgramTargetDto,
    @Req() request: Request,
  ): Promise<ProgramTarget> {
    return this.benchmarks.setTarget(user, programId, metric, body, request.ip ?? null);
  }

  @Delete('targets/:programId/:metric')
  @Roles('director', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: `Remove a program's target (audited as program.targets.delete). ${TARGET_SCOPE}` })
  @ApiParam({ name: 'metric', enum: BENCHMARK_METRIC_IDS })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such program, or it has no target for the metric' })
  removeTarget(
    @CurrentUser() user: SignedInUser,
    @Param('programId', PROGRAM_PIPE) programId: number,
    @Param('metric', METRIC_PIPE) metric: BenchmarkMetricId,
    @Req() request: Request,
  ): Promise<void> {
    return this.benchmarks.removeTarget(user, programId, metric, request.ip ?? null);
  }
}
