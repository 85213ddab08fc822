import { ApiBadRequestResponse } from '@nestjs/swagger';

/**
 * The query of an endpoint that takes no parameter. Declared as `@Query() _none: NoParameters`, it lets the
 * global ValidationPipe (forbidNonWhitelisted) refuse any parameter that is sent, as every other endpoint does.
 */
export class NoParameters {}

/** The 400 of an endpoint that takes NoParameters, for its OpenAPI operation. */
export const ApiRefusesParameters = (what = 'A parameter was sent, and this endpoint takes none') =>
  ApiBadRequestResponse({ description: `${what}; the message names it` });
