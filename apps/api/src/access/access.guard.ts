import type { UserRole } from '@iop/contracts';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from '../auth/access-tokens';
import { accessTokenOf } from '../auth/session-cookies';
import { SessionStore } from '../auth/session-store';
import { AuditService } from '../audit/audit.service';
import { IS_PUBLIC } from './public.decorator';
import type { RequestWithUser } from './request-user.decorator';
import type { SignedInUser } from './signed-in-user';
import { ALLOWED_ROLES } from './roles.decorator';

/**
 * Every request to a controller passes here (a global guard): @Public() endpoints are open; any other needs a
 * live session (bearer token or the httpOnly cookie) whose role the endpoint's @Roles() names. An endpoint
 * without either decorator is refused to everyone. A signed-in caller refused for their role is audited.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token = accessTokenOf(request);
    if (!token) throw new UnauthorizedException('Sign in first');
    const { userId, sessionId } = await this.tokens.verify(token);
    const user = await this.sessions.activeUser(sessionId, userId);
    if (!user) throw new UnauthorizedException('Your session has ended; sign in again');
    request.user = user;

    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!allowed.includes(user.role)) {
      await this.auditRefusal(request, user, allowed);
      throw new ForbiddenException(`This is not open to the ${user.role} role`);
    }
    return true;
  }

  /**
   * Every refused access decision is audited (OWASP ASVS 7.2.2), the attempts at patient-level rows among
   * them: who, which route and path, and which roles it is open to. The query is left out: it is the
   * caller's unvalidated input. A failure to write the event does not turn the 403 into something else.
   */
  private async auditRefusal(request: RequestWithUser, user: SignedInUser, allowed: UserRole[]): Promise<void> {
    const route = (request.route as { path?: unknown } | undefined)?.path;
    try {
      await this.audit.record({
        user,
        action: 'access.denied',
        resource: `${request.method} ${typeof route === 'string' ? route : request.path}`.slice(0, 512),
        ip: request.ip ?? null,
        outcome: 'denied',
        details: { path: request.path.slice(0, 512), allowedRoles: allowed },
      });
    } catch (error) {
      this.logger.error(`could not audit a refused ${request.method} ${request.path}: ${String(error)}`);
    }
  }
}
