import type { UserRole } from '@iop/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const ALLOWED_ROLES = 'iop:allowed-roles';

/**
 * The one decorator every non-public endpoint carries: the roles that may call it. The access guard refuses
 * everyone else (403) and everyone not signed in (401); an endpoint with neither this nor @Public() is refused
 * to all, so a forgotten decorator fails closed.
 */
export const Roles = (...roles: [UserRole, ...UserRole[]]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ApiCookieAuth('iop_access'),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the session has expired or been revoked' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }),
  );
