import {
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE_DEFAULT,
  AUDIT_PAGE_SIZE_MAX,
  type AuditEvent,
  type AuditEventPage,
  type AuditEventQuery,
  type AuditOutcome,
  USER_ROLES,
  type UserRole,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date';

/** The filters of the audit log; the CSV export takes the same ones and ignores the paging. */
export class AuditEventFiltersDto implements Omit<AuditEventQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Earliest day, inclusive (YYYY-MM-DD, UTC)',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Latest day, inclusive (YYYY-MM-DD, UTC)',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'An action, or a prefix of dotted actions ("admin")', example: 'login' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9._-]{0,63}$/, {
    message: 'action must be lower-case letters, digits, dots, dashes or underscores (at most 64)',
  })
  action?: string;

  @ApiPropertyOptional({ description: 'Part of the e-mail, in any case' })
  @IsOptional()
  @IsString()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES, { message: `outcome must be one of ${AUDIT_OUTCOMES.join(', ')}` })
  outcome?: AuditOutcome;
}

export class AuditEventPageQueryDto extends AuditEventFiltersDto {
  @ApiPropertyOptional({ default: AUDIT_PAGE_SIZE_DEFAULT, minimum: 1, maximum: AUDIT_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer from 1 to ${AUDIT_PAGE_SIZE_MAX}` })
  @Min(1, { message: `limit must be an integer from 1 to ${AUDIT_PAGE_SIZE_MAX}` })
  @Max(AUDIT_PAGE_SIZE_MAX, { message: `limit must be an integer from 1 to ${AUDIT_PAGE_SIZE_MAX}` })
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a non-negative integer' })
  @Min(0, { message: 'offset must be a non-negative integer' })
  @Max(10_000_000, { message: 'offset is too large' })
  offset?: number;
}

/** A JSON object whose fields depend on the action (an object without them would read as empty to a client). */
const ANY_FIELDS = { type: 'object', additionalProperties: true, nullable: true } as const;

export class AuditEventDoc implements AuditEvent {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: Number, nullable: true }) userId!: number | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: USER_ROLES, nullable: true, type: String }) role!: UserRole | null;
  @ApiProperty({ example: 'login' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'users/12' }) resource!: string | null;
  @ApiProperty(ANY_FIELDS) filters!: Record<string, unknown> | null;
  @ApiProperty({ type: Number, nullable: true }) rowCount!: number | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: AuditOutcome;
  @ApiProperty(ANY_FIELDS) details!: Record<string, unknown> | null;
}

export class AuditEventPageDoc implements AuditEventPage {
  @ApiProperty({ type: [AuditEventDoc] }) events!: AuditEventDoc[];
  @ApiProperty({ description: 'How many events match the filters in all' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
