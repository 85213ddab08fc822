/**
 * How the dashboard must print the API's numbers, written out independently of the app's own
 * formatting code so that a formatting bug there fails these tests instead of being copied into them.
 */
const LOCALE = 'en-US';

export function expectedCount(value: number): string {
  return new Intl.NumberFormat(LOCALE).format(value);
}

export function expectedPercent(proportion: number): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(proportion);
}

export function expectedCalendarDate(isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * A response as the admin receives it: the suite signs in as the admin, who sees exact values, so every
 * `X | SuppressedValue` of the contracts is just X here (a payer's answers are checked in access.spec.ts).
 */
export type AsAdminSees<T> = T extends { suppressed: true }
  ? never
  : T extends readonly unknown[]
    ? { [K in keyof T]: AsAdminSees<T[K]> }
    : T extends object
      ? { [K in keyof T]: AsAdminSees<T[K]> }
      : T;
