/**
 * Display formats of the dashboard's numbers. The ones the PDF reports write too live in @iop/contracts
 * (display-format.ts), so that a report's figure is the dashboard's to the character; the rest are the screen's.
 */
export {
  DISPLAY_LOCALE,
  formatConfidenceInterval,
  formatCount,
  formatCurrency,
  formatDecimal,
  formatPercent,
  WITHHELD_TEXT,
} from '@iop/contracts';
import { DISPLAY_LOCALE } from '@iop/contracts';

// Data dates are calendar days (ISO "yyyy-mm-dd"), not instants: format them in UTC so that the
// viewer's time zone never moves them to the previous day.
const calendarDateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 0.25 -> "25%", for value axes of proportions (whole percents: a tick needs no decimals). */
export function percentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}

const monthFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-03" -> "Mar 2026": a month of admission, as trends and their tables name it. */
export function formatMonth(period: string): string {
  const date = new Date(`${period}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? period : monthFormat.format(date);
}

/** "2025-06-30" -> "Jun 30, 2025"; anything that is not an ISO date is shown as given. */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : calendarDateFormat.format(date);
}
