import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from '../access/access.guard';
import type { AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_SECONDS, AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionStore } from './session-store';

/** Per address: sign-in and refresh attempts per minute (the per-account lock is in AuthService). */
export const AUTH_ATTEMPTS_PER_MINUTE = 20;

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        secret: config.get('IOP_JWT_SECRET', { infer: true }),
        signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS },
      }),
    }),
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: AUTH_ATTEMPTS_PER_MINUTE }]),
  ],
  controllers: [AuthController],
  providers: [AuthService, AccessTokens, SessionStore, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [SessionStore],
})
export class AuthModule {}
