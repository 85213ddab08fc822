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
import { SignInThrottle } from './sign-in-throttle';

/**
 * Per address: refresh attempts per minute. Sign-in has its own throttle of failures per account and per
 * address (sign-in-throttle.ts), which never counts a successful sign-in.
 */
export const REFRESH_ATTEMPTS_PER_MINUTE = 20;

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
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: REFRESH_ATTEMPTS_PER_MINUTE }]),
  ],
  controllers: [AuthController],
  providers: [AuthService, AccessTokens, SessionStore, SignInThrottle, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [SessionStore],
})
export class AuthModule {}
