import type { SessionResponse, SessionStatus, SessionUser } from '@iop/contracts';
import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { ACCESS_TOKEN_SECONDS, AccessTokens } from './access-tokens';
import { passwordMatches, UNKNOWN_ACCOUNT_HASH } from './passwords';
import { SessionStore } from './session-store';
import { SignInThrottle } from './sign-in-throttle';

const WRONG_CREDENTIALS = 'The e-mail or the password is not right';

/**
 * The answer to an attempt the throttle refused (429, with Retry-After): the same for an unknown e-mail as
 * for a real account with the same history, since the throttle counts typed e-mails.
 */
export class SignInThrottledException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

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
    private readonly throttle: SignInThrottle,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
  ) {}

  /**
   * The throttle decides first (sign-in-throttle.ts), before the account is looked up or any password is
   * checked; then an unknown e-mail, a wrong password and a disabled account get one answer (401) after the
   * same work (one argon2 verification), and only the right password of an enabled account signs in.
   */
  async login(email: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const gate = await this.throttle.claim(email, client.ip);
    const account = await this.store.accountByEmail(email);
    const refused = (reason: string, outcome: 'failed' | 'denied', details: Record<string, unknown> = {}) =>
      this.audit.record({
        user: account ? { id: account.id, email: account.email, role: account.role } : null,
        email: account ? null : email.slice(0, 254),
        action: 'login',
        resource: 'auth',
        ip: client.ip,
        outcome,
        details: { reason, ...details },
      });

    if (!gate.allowed) {
      await refused('too many failed sign-ins', 'denied', { retryAfterSeconds: gate.retryAfterSeconds });
      throw new SignInThrottledException(gate.retryAfterSeconds);
    }
    const passwordRight = await passwordMatches(account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
    if (!account || !passwordRight || account.disabled) {
      await this.throttle.recordFailure(email, client.ip);
      const failuresInARow = gate.failuresBefore + 1;
      if (!account) await refused('unknown e-mail', 'failed', { failuresInARow });
      else if (!passwordRight) await refused('wrong password', 'failed', { failuresInARow });
      else await refused('account disabled', 'denied', { failuresInARow });
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }

    await this.throttle.recordSuccess(email, client.ip);
    const { sessionId, refreshToken } = await this.store.openSession(account.id, client.ip, client.userAgent);
    const session = await this.issue(account.id, sessionId, refreshToken);
    await this.audit.record({ user: session.user, action: 'login', resource: 'auth', ip: client.ip });
    return session;
  }

  /**
   * A new access token and a rotated refresh token; 401 when the refresh token is not live. A refresh token
   * that was already rotated away ends its whole session (session-store.ts) and is audited.
   */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    const result = refreshToken ? await this.store.rotate(refreshToken) : ({ kind: 'dead' } as const);
    if (result.kind === 'reused') {
      await this.audit.record({
        user: result.user,
        action: 'session.refresh-reuse',
        resource: 'auth',
        ip: client.ip,
        outcome: 'denied',
        details: { reason: 'a refresh token that was already replaced came again; the session is ended' },
      });
    }
    if (result.kind !== 'rotated') throw new UnauthorizedException('Your session has ended; sign in again');
    return this.issue(result.userId, result.sessionId, result.refreshToken);
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
