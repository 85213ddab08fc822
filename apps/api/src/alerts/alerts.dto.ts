import {
  ALERT_COMPARISONS,
  ALERT_KINDS,
  ALERT_METRICS,
  ALERT_SCOPES,
  type AlertComparison,
  type AlertEvaluationResponse,
  type AlertKind,
  type AlertNotification,
  type AlertRule,
  type AlertRulesResponse,
  type AlertRuleValue,
  type AlertScope,
  type EpisodeMetric,
  type NotificationsResponse,
  type Payer,
  PAYERS,
  type UnreadNotificationsResponse,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, Max, Min, ValidateIf } from 'class-validator';

const THRESHOLD_MESSAGE =
  'threshold must be a finite number in the metric’s unit (a proportion 0-1 for rates), or null';

/** POST /api/v1/alerts/rules and PUT /api/v1/alerts/rules/:id. What the metric allows: the service (a 400 naming the field). */
export class AlertRuleDto implements AlertRuleValue {
  @ApiProperty({ enum: ALERT_METRICS, description: 'A metric of docs/METRICS.md' })
  @IsIn(ALERT_METRICS, { message: `metric must be one of ${ALERT_METRICS.join(', ')}` })
  metric!: EpisodeMetric;

  @ApiProperty({ enum: ALERT_SCOPES, description: "network: the whole of the owner's view; or one program or payer" })
  @IsIn(ALERT_SCOPES, { message: `scope must be one of ${ALERT_SCOPES.join(', ')}` })
  scope!: AlertScope;

  @ApiProperty({ type: Number, nullable: true, description: 'The program of a program rule; null otherwise' })
  @ValidateIf((_object, value) => value !== null)
  @IsInt({ message: 'programId must be a whole number or null' })
  @Min(1, { message: 'programId must be a whole number from 1, or null' })
  @Max(2_147_483_647, { message: 'programId must be a whole number from 1, or null' })
  programId!: number | null;

  @ApiProperty({ enum: PAYERS, nullable: true, description: 'The payer of a payer rule; null otherwise' })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(PAYERS, { message: `payer must be one of ${PAYERS.join(', ')}, or null` })
  payer!: Payer | null;

  @ApiProperty({
    enum: ALERT_KINDS,
    description: "threshold: above or below a number; funnel: outside the funnel's 99.8% limits (funnel metrics only)",
  })
  @IsIn(ALERT_KINDS, { message: `kind must be one of ${ALERT_KINDS.join(', ')}` })
  kind!: AlertKind;

  @ApiProperty({ enum: ALERT_COMPARISONS, nullable: true, description: 'For a threshold rule; null for a funnel rule' })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(ALERT_COMPARISONS, { message: `comparison must be one of ${ALERT_COMPARISONS.join(', ')}, or null` })
  comparison!: AlertComparison | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "In the metric's unit (a proportion 0-1 for rates, a count, hours a week, days); null for a funnel rule",
  })
  @ValidateIf((_object, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: THRESHOLD_MESSAGE })
  threshold!: number | null;

  @ApiProperty({ description: 'A disabled rule is kept but not evaluated' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;
}

export class AlertRuleDoc extends AlertRuleDto implements AlertRule {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'The program or payer in words, or all programs in view' }) scopeLabel!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AlertRulesResponseDoc implements AlertRulesResponse {
  @ApiProperty({ type: [AlertRuleDoc] }) rules!: AlertRuleDoc[];
}

export class AlertEvaluationResponseDoc implements AlertEvaluationResponse {
  @ApiProperty({ description: 'Enabled rules evaluated (owners active, rules within their view)' }) evaluated!: number;
  @ApiProperty({ description: 'Rules that fired: new notifications' }) fired!: number;
}

export class AlertNotificationDoc implements AlertNotification {
  @ApiProperty() id!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null once the rule was deleted' }) ruleId!: number | null;
  @ApiProperty({ enum: ALERT_METRICS }) metric!: EpisodeMetric;
  @ApiProperty() scopeLabel!: string;
  @ApiProperty({ format: 'date-time' }) firedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) asOf!: string | null;
  @ApiProperty({ description: "The figure, in the metric's unit" }) value!: number;
  @ApiProperty({
    type: [Number],
    nullable: true,
    minItems: 2,
    maxItems: 2,
    description: 'Wilson 95% interval of a rate; null otherwise',
  })
  ci95!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The denominator behind the figure' }) n!: number | null;
  @ApiProperty({ description: 'The finding in a sentence' }) message!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
}

export class NotificationsResponseDoc implements NotificationsResponse {
  @ApiProperty() unread!: number;
  @ApiProperty({ type: [AlertNotificationDoc], description: 'The newest 100, newest first' })
  notifications!: AlertNotificationDoc[];
}

export class UnreadNotificationsResponseDoc implements UnreadNotificationsResponse {
  @ApiProperty() unread!: number;
}
