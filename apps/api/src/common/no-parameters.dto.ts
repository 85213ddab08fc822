/**
 * The query of an endpoint that takes no parameter. Declared as `@Query() _none: NoParameters`, it lets the
 * global ValidationPipe (forbidNonWhitelisted) refuse any parameter that is sent, as every other endpoint does.
 */
export class NoParameters {}
