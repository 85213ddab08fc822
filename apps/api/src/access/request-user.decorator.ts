import { createParamDecorator, type ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { Request } from 'express';
import type { AccessScope } from './access-scope';
import { scopeOf, type SignedInUser } from './signed-in-user';

export type RequestWithUser = Request & { user?: SignedInUser };

function userOf(context: ExecutionContext): SignedInUser {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  // Only reachable on a @Public() endpoint that asks for a user: a programming error, not the caller's.
  if (!user) throw new InternalServerErrorException('no signed-in user on this request');
  return user;
}

/** The signed-in caller. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext) => userOf(context));

/** What the signed-in caller may see; pass it to every query class. */
export const Scope = createParamDecorator(
  (_: unknown, context: ExecutionContext): AccessScope => scopeOf(userOf(context)),
);
