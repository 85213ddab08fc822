import type { UserRole } from '@iop/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ACCESS_COOKIE } from '../auth/session-cookies';

export const ALLOWED_ROLES = 'iop:allowed-roles';

/** The OpenAPI security scheme of the `Authorization: Bearer` access token (the cookie's is named after it). */
export const BEARER_SCHEME = 'bearer';

/**
 * The one decorator every non-public endpoint carries: the roles that may call it. The access guard refuses
 * everyone else (403) and everyone not signed in (401); an endpoint with neither this nor @Public() is refused
 * to all, so a forgotten decorator fails closed. In the OpenAPI document the bearer token and the access
 * cookie are two alternative security requirements: either one is enough.
 */
export const Roles = (...roles: [UserRole, ...UserRole[]]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(BEARER_SCHEME),
    ApiCookieAuth(ACCESS_COOKIE),
    ApiUnauthorizedResponse({
      description:
        'Not signed in (neither a bearer token nor the access cookie), or the session has expired or been revoked',
    }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }),
  );
