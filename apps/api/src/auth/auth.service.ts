import type { SessionResponse, SessionStatus, SessionUser } from '@iop/contracts';
import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { ACCESS_TOKEN_SECONDS, AccessTokens } from './access-tokens';
import { passwordMatches, UNKNOWN_ACCOUNT_HASH } from './passwords';
import { SessionStore } from './session-store';

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

const WRONG_CREDENTIALS = 'The e-mail or the password is not right';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A new session's tokens: the access token for the response, the refresh token for its cookie only. */
export interface IssuedSession extends SessionResponse {
  refreshToken: string;
}

/** Sign-in, token refresh and sign-out, each audited. */
@Injectable()
export class AuthService {
  constructor(
    private readonly store: SessionStore,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const account = await this.store.accountByEmail(email);
    const passwordRight = await passwordMatches(account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
    const failed = (reason: string, outcome: 'failed' | 'denied' = 'failed') =>
      this.audit.record({
        user: account ? { id: account.id, email: account.email, role: account.role } : null,
        email: account ? null : email.slice(0, 254),
        action: 'login',
        resource: 'auth',
        ip: client.ip,
        outcome,
        details: { reason },
      });

    if (!account) {
      await failed('unknown e-mail');
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    if (account.lockedUntil && account.lockedUntil > new Date()) {
      await failed('account locked', 'denied');
      throw new HttpException(
        `Too many failed sign-ins: this account is locked until ${account.lockedUntil.toISOString()}`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    if (!passwordRight) {
      const lockedUntil = await this.store.recordFailedLogin(account.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      await failed(lockedUntil ? 'wrong password; account locked' : 'wrong password');
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    if (account.disabled) {
      await failed('account disabled', 'denied');
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }

    await this.store.recordSuccessfulLogin(account.id);
    const { sessionId, refreshToken } = await this.store.openSession(account.id, client.ip, client.userAgent);
    const session = await this.issue(account.id, sessionId, refreshToken);
    await this.audit.record({ user: session.user, action: 'login', resource: 'auth', ip: client.ip });
    return session;
  }

  /** A new access token and a rotated refresh token; 401 when the refresh token is not live. */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    const rotated = refreshToken ? await this.store.rotate(refreshToken) : null;
    if (!rotated) throw new UnauthorizedException('Your session has ended; sign in again');
    return this.issue(rotated.userId, rotated.sessionId, rotated.refreshToken);
  }

  /**
   * Who a request's access token names, if anyone: a missing, expired, tampered or revoked token is simply no
   * user here (the guard answers 401 for those on every other endpoint).
   */
  async sessionStatus(accessToken: string | undefined, refreshCookieSent: boolean): Promise<SessionStatus> {
    const claims = accessToken ? await this.tokens.verify(accessToken).catch(() => null) : null;
    const user = claims ? await this.store.activeUser(claims.sessionId, claims.userId) : null;
    return { user: user ? toSessionUser(user) : null, canRefresh: refreshCookieSent };
  }

  async logout(user: SignedInUser, client: ClientInfo): Promise<void> {
    await this.store.revoke(user.sessionId);
    await this.audit.record({ user, action: 'logout', resource: 'auth', ip: client.ip });
  }

  private async issue(userId: number, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    const user = await this.store.activeUser(sessionId, userId);
    if (!user) throw new UnauthorizedException('Your session has ended; sign in again');
    return {
      accessToken: await this.tokens.sign(userId, sessionId),
      expiresIn: ACCESS_TOKEN_SECONDS,
      user: toSessionUser(user),
      refreshToken,
    };
  }
}

export function toSessionUser(user: SignedInUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    payer: user.payer,
    programIds: user.programIds,
  };
}
