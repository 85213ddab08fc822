import type { UserRole } from '@iop/contracts';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from '../auth/access-tokens';
import { accessTokenOf } from '../auth/session-cookies';
import { SessionStore } from '../auth/session-store';
import { IS_PUBLIC } from './public.decorator';
import type { RequestWithUser } from './request-user.decorator';
import { ALLOWED_ROLES } from './roles.decorator';

/**
 * Every request to a controller passes here (a global guard): @Public() endpoints are open; any other needs a
 * live session (bearer token or the httpOnly cookie) whose role the endpoint's @Roles() names. An endpoint
 * without either decorator is refused to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionStore,
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
      throw new ForbiddenException(`This is not open to the ${user.role} role`);
    }
    return true;
  }
}
