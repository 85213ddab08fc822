import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC = 'iop:public';

/**
 * States that an endpoint may be called without signing in (health, sign-in, refresh). Every other endpoint
 * names its roles with @Roles(); the access guard refuses an endpoint that has neither. The OpenAPI document
 * says so with an empty security requirement (anonymous callers are welcome), or, for an endpoint that reads
 * a credential cookie of its own instead (refresh), with that cookie's scheme.
 */
export const Public = (credential?: { cookie: string }) =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), credential ? ApiCookieAuth(credential.cookie) : ApiSecurity({}));
