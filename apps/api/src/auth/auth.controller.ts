import type { SessionResponse, SessionStatus, SessionUser } from '@iop/contracts';
import { USER_ROLES } from '@iop/contracts';
import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../access/public.decorator';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import type { AppConfig } from '../config/app-config';
import { LoginDto, SessionResponseDoc, SessionStatusDoc, SessionUserDoc } from './auth.dto';
import {
  AuthService,
  type ClientInfo,
  type IssuedSession,
  SignInThrottledException,
  toSessionUser,
} from './auth.service';
import {
  accessTokenOf,
  clearSessionCookies,
  REFRESH_COOKIE,
  refreshTokenOf,
  setSessionCookies,
} from './session-cookies';

const clientOf = (request: Request): ClientInfo => ({
  ip: request.ip ?? null,
  userAgent: request.get('user-agent') ?? null,
});

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.secureCookies = config.get('IOP_COOKIE_SECURE', { infer: true });
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a 15-minute access token, and a refresh cookie (httpOnly) for 12 hours' })
  @ApiOkResponse({ type: SessionResponseDoc })
  @ApiBadRequestResponse({ description: 'The e-mail or the password is missing or malformed; the message names it' })
  @ApiUnauthorizedResponse({ description: 'The e-mail or the password is not right' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed sign-ins for this e-mail or from this address: wait the seconds the Retry-After header names',
    headers: {
      'Retry-After': { description: 'Seconds until the next attempt may be checked', schema: { type: 'integer' } },
    },
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    try {
      return this.withCookies(response, await this.auth.login(body.email, body.password, clientOf(request)));
    } catch (error) {
      if (error instanceof SignInThrottledException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('refresh')
  @Public({ cookie: REFRESH_COOKIE })
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new access token for the refresh cookie, which is rotated',
    description: 'A refresh cookie that was already rotated away, presented again, ends its whole session.',
  })
  @ApiOkResponse({ type: SessionResponseDoc })
  @ApiUnauthorizedResponse({ description: 'No live session: sign in again' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    return this.withCookies(response, await this.auth.refresh(refreshTokenOf(request), clientOf(request)));
  }

  @Post('logout')
  @Roles(...USER_ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session is revoked at once, its tokens stop working' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(
    @CurrentUser() user: SignedInUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user, clientOf(request));
    clearSessionCookies(response, this.secureCookies);
  }

  @Get('session')
  @Public()
  @ApiOperation({
    summary: 'Who is signed in, if anyone: 200 either way, and whether a refresh cookie came (it is httpOnly)',
  })
  @ApiOkResponse({ type: SessionStatusDoc })
  session(@Req() request: Request): Promise<SessionStatus> {
    return this.auth.sessionStatus(accessTokenOf(request), refreshTokenOf(request) !== undefined);
  }

  @Get('me')
  @Roles(...USER_ROLES)
  @ApiOperation({ summary: 'The signed-in user, role and scope' })
  @ApiOkResponse({ type: SessionUserDoc })
  me(@CurrentUser() user: SignedInUser): SessionUser {
    return toSessionUser(user);
  }

  private withCookies(response: Response, session: IssuedSession): SessionResponse {
    setSessionCookies(response, this.secureCookies, session.accessToken, session.refreshToken);
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }
}
