import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'iop:public';

/**
 * States that an endpoint may be called without signing in. Until login exists every endpoint is open;
 * the access issue adds one decorator per endpoint that names the roles allowed, and this one for the rest.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
