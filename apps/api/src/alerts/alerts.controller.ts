import type { AlertEvaluationResponse, AlertRule, AlertRulesResponse } from '@iop/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
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
import { AuditService } from '../audit/audit.service';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { AlertEvaluationService } from './alert-evaluation.service';
import { AlertRulesService } from './alert-rules.service';
import { AlertEvaluationResponseDoc, AlertRuleDoc, AlertRuleDto, AlertRulesResponseDoc } from './alerts.dto';
import { ID_PIPE } from '../common/whole-number-param';

const RULE_SCOPE =
  'Each user keeps their own rules, on what they may see: a payer only their own payer, a director their programs';
const RULE_BAD_REQUEST =
  'A field is missing or out of range (unknown metric, a threshold the metric cannot reach, unknown program); the message names it';

@ApiTags('alerts')
@Controller({ path: 'alerts', version: '1' })
export class AlertsController {
  constructor(
    private readonly rules: AlertRulesService,
    private readonly evaluation: AlertEvaluationService,
    private readonly audit: AuditService,
  ) {}

  @Get('rules')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Your alert rules, newest first' })
  @ApiOkResponse({ type: AlertRulesResponseDoc })
  @ApiRefusesParameters()
  async list(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<AlertRulesResponse> {
    return { rules: await this.rules.list(user) };
  }

  @Post('rules')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: `Add an alert rule (audited as alerts.rules.create). ${RULE_SCOPE}` })
  @ApiCreatedResponse({ type: AlertRuleDoc })
  @ApiBadRequestResponse({ description: RULE_BAD_REQUEST })
  @ApiForbiddenResponse({ description: 'The rule looks at episodes outside your view' })
  create(@CurrentUser() user: SignedInUser, @Body() body: AlertRuleDto, @Req() request: Request): Promise<AlertRule> {
    return this.rules.create(user, body, request.ip ?? null);
  }

  @Put('rules/:id')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: `Change one of your alert rules (audited as alerts.rules.update). ${RULE_SCOPE}` })
  @ApiOkResponse({ type: AlertRuleDoc })
  @ApiBadRequestResponse({ description: RULE_BAD_REQUEST })
  @ApiForbiddenResponse({ description: 'The rule looks at episodes outside your view' })
  @ApiNotFoundResponse({ description: 'You have no such rule' })
  update(
    @CurrentUser() user: SignedInUser,
    @Param('id', ID_PIPE) id: number,
    @Body() body: AlertRuleDto,
    @Req() request: Request,
  ): Promise<AlertRule> {
    return this.rules.update(user, id, body, request.ip ?? null);
  }

  @Delete('rules/:id')
  @Roles('director', 'payer', 'quality', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one of your alert rules (audited as alerts.rules.delete); its notifications stay' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'You have no such rule' })
  remove(@CurrentUser() user: SignedInUser, @Param('id', ID_PIPE) id: number, @Req() request: Request): Promise<void> {
    return this.rules.remove(user, id, request.ip ?? null);
  }

  @Post('evaluate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Evaluate every enabled rule of every user now, as after a data load (audited as alerts.evaluate); a rule fires at most once per load',
  })
  @ApiOkResponse({ type: AlertEvaluationResponseDoc })
  @ApiRefusesParameters()
  async evaluate(
    @CurrentUser() admin: SignedInUser,
    @Query() _none: NoParameters,
    @Req() request: Request,
  ): Promise<AlertEvaluationResponse> {
    const outcome = await this.evaluation.evaluateAll();
    await this.audit.record({
      user: admin,
      action: 'alerts.evaluate',
      ip: request.ip ?? null,
      details: { ...outcome },
    });
    return outcome;
  }
}
