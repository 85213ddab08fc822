import type { LoginRequest, SessionResponse, SessionStatus, SessionUser } from '@iop/contracts';
import { PAYERS, USER_ROLES } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'director@demo.local' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password!: string;
}

export class SessionUserDoc implements SessionUser {
  @ApiProperty() id!: number;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: SessionUser['role'];
  @ApiProperty({ enum: PAYERS, nullable: true, type: String }) payer!: SessionUser['payer'];
  @ApiProperty({ type: [Number], description: "A director's programs; empty for other roles" }) programIds!: number[];
}

export class SessionResponseDoc implements SessionResponse {
  @ApiProperty({ description: 'JWT, also set as the httpOnly cookie iop_access' }) accessToken!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiProperty({ type: SessionUserDoc }) user!: SessionUserDoc;
}

export class SessionStatusDoc implements SessionStatus {
  @ApiProperty({
    type: SessionUserDoc,
    nullable: true,
    description: 'null when no live access token came with the request',
  })
  user!: SessionUserDoc | null;

  @ApiProperty({ description: 'A refresh cookie came with the request: POST /auth/refresh may renew the session' })
  canRefresh!: boolean;
}
