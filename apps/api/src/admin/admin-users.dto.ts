import {
  ADMIN_PASSWORD_MIN_LENGTH,
  type AdminUser,
  type AdminUserList,
  type CreateUserRequest,
  PAYERS,
  type Payer,
  type UpdateUserRequest,
  USER_ROLES,
  type UserRole,
} from '@iop/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const PASSWORD_MESSAGE = `password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`;
const ROLE_MESSAGE = `role must be one of ${USER_ROLES.join(', ')}`;
const PAYER_MESSAGE = `payer must be one of ${PAYERS.join(', ')}`;
const PROGRAM_MESSAGE = 'programIds must be positive integers';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'new.director@clinic.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Jordan Lee', maxLength: 120 })
  @IsString()
  @MinLength(1, { message: 'displayName is required' })
  @MaxLength(120, { message: 'displayName must be at most 120 characters' })
  displayName!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES, { message: ROLE_MESSAGE })
  role!: UserRole;

  @ApiPropertyOptional({ enum: PAYERS, nullable: true, description: 'Required for the payer role, only for it' })
  @IsOptional()
  @IsIn(PAYERS, { message: PAYER_MESSAGE })
  payer?: Payer | null;

  @ApiPropertyOptional({ type: [Number], description: "A director's programs; only for directors" })
  @IsOptional()
  @IsArray({ message: 'programIds must be a list' })
  @ArrayMaxSize(500)
  @IsInt({ each: true, message: PROGRAM_MESSAGE })
  @Min(1, { each: true, message: PROGRAM_MESSAGE })
  @Max(2147483647, { each: true, message: PROGRAM_MESSAGE })
  programIds?: number[];

  @ApiProperty({ format: 'password', minLength: ADMIN_PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(ADMIN_PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(120, { message: 'displayName must be at most 120 characters' })
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES, { message: ROLE_MESSAGE })
  role?: UserRole;

  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  // null is meaningful here (no payer), so only an absent payer skips validation.
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsIn(PAYERS, { message: PAYER_MESSAGE })
  payer?: Payer | null;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray({ message: 'programIds must be a list' })
  @ArrayMaxSize(500)
  @IsInt({ each: true, message: PROGRAM_MESSAGE })
  @Min(1, { each: true, message: PROGRAM_MESSAGE })
  @Max(2147483647, { each: true, message: PROGRAM_MESSAGE })
  programIds?: number[];

  @ApiPropertyOptional({ description: 'true disables the account and ends its sessions' })
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'true clears a lock left by failed sign-ins' })
  @IsOptional()
  @IsBoolean({ message: 'unlock must be true or false' })
  unlock?: boolean;

  @ApiPropertyOptional({ format: 'password', minLength: ADMIN_PASSWORD_MIN_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(ADMIN_PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password?: string;
}

export class AdminUserDoc implements AdminUser {
  @ApiProperty() id!: number;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ enum: PAYERS, nullable: true, type: String }) payer!: Payer | null;
  @ApiProperty({ type: [Number] }) programIds!: number[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AdminUserListDoc implements AdminUserList {
  @ApiProperty({ type: [AdminUserDoc] }) users!: AdminUserDoc[];
}
