import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'iop:public';

/**
 * States that an endpoint may be called without signing in (health, sign-in, refresh). Every other endpoint
 * names its roles with @Roles(); the access guard refuses an endpoint that has neither.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
