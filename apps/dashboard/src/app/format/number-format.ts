/**
 * Display formats of the dashboard's numbers. The locale is fixed rather than taken from the browser
 * so that a number reads the same on every screen, in every export and in the end-to-end tests.
 */
export const DISPLAY_LOCALE = 'en-US';

const countFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  maximumFractionDigits: 0,
});

const percentFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

// Data dates are calendar days (ISO "yyyy-mm-dd"), not instants: format them in UTC so that the
// viewer's time zone never moves them to the previous day.
const calendarDateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 1500 -> "1,500". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 0.7834 -> "78.3%". */
export function formatPercent(proportion: number): string {
  return percentFormat.format(proportion);
}

/** 0.25 -> "25%", for value axes of proportions (whole percents: a tick needs no decimals). */
export function percentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** [0.761, 0.804] -> "95% CI 76.1%–80.4%". */
export function formatConfidenceInterval([low, high]: readonly [number, number]): string {
  return `95% CI ${formatPercent(low)}–${formatPercent(high)}`;
}

/** "2025-06-30" -> "Jun 30, 2025"; anything that is not an ISO date is shown as given. */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : calendarDateFormat.format(date);
}

const decimalFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 1 });

// Costs are US dollars throughout (docs/METRICS.md, costs); whole dollars are precise enough to compare.
const currencyFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** 12.345 -> "12.3". */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** 1234.5 -> "$1,235". */
export function formatCurrency(value: number): string {
  return currencyFormat.format(value);
}
