import { BadRequestException, ParseIntPipe } from '@nestjs/common';

/** A path parameter read as an integer; anything else is a 400 that names the parameter. */
export const wholeNumberParam = (name: string): ParseIntPipe =>
  new ParseIntPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a whole number`) });

/** The `:id` of a stored row (an alert rule, a notification, a note, a benchmark). */
export const ID_PIPE = wholeNumberParam('id');
