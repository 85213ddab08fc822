import { isMatch } from 'date-fns';
import {
  Matches,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** YYYY-MM-DD with a month of 01-12 and a day of 01-31; whether that day exists is checked apart. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ValidatorConstraint({ name: 'existingDate' })
class ExistingDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    // A malformed value is reported by the format rule alone. date-fns refuses 02-30, 02-29 of a common year
    // and the year 0000, each of which PostgreSQL refuses with an error.
    return typeof value !== 'string' || !ISO_DATE.test(value) || isMatch(value, 'yyyy-MM-dd');
  }

  defaultMessage({ property }: ValidationArguments): string {
    return `${property} must be a date that exists`;
  }
}

/**
 * A calendar day as YYYY-MM-DD that exists. Every date a query takes goes through this, so that 2026-02-30
 * is a 400 naming the parameter rather than a database error (a 500, or a CSV download cut off mid-way).
 */
export function IsCalendarDate(): (target: object, property: string) => void {
  return (target, property) => {
    Matches(ISO_DATE, { message: `${property} must be an ISO date (YYYY-MM-DD)` })(target, property);
    Validate(ExistingDate)(target, property);
  };
}
