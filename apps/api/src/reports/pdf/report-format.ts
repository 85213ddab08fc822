import {
  type CountOrSuppressed,
  DISPLAY_LOCALE,
  formatConfidenceInterval,
  formatCount,
  formatCurrency,
  formatDecimal,
  formatEffectEstimate,
  formatPercent,
  isSmallCount,
  isSuppressed,
  type NumberOrSuppressed,
  type RateOrSuppressed,
  restsOnSmallCell,
  SMALL_CELL_NOTE,
  type SuppressedValue,
  WITHHELD_TEXT,
} from '@iop/contracts';
import { REASON_COMPLEMENT, REASON_SMALL } from '../../suppression/small-cells';

// Counts, percents, intervals, dollars and effects are written with @iop/contracts' display formats, the
// dashboard's own (re-exported below for the sections); these are the report's alone.

// A 0-1 score needs two decimals to tell 0.80 (compliant) from 0.76.
const scoreFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// The reporting period reads "1 Jan 2025 - 31 Oct 2026" (the ReportJob contract's example); calendar days in UTC.
const periodDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The mark after an exact small count shown to a role that may see it; the footnote explains it. */
export const SMALL_CELL_MARK = '†';
export const SMALL_CELL_FOOTNOTE = `${SMALL_CELL_MARK} ${SMALL_CELL_NOTE}`;

export { formatConfidenceInterval, formatCount, formatCurrency, formatDecimal, formatEffectEstimate, formatPercent };
export const formatScore = (value: number): string => scoreFormat.format(value);

/** "2025-01-06" -> "6 Jan 2025". */
export function formatPeriodDate(isoDate: string): string {
  return periodDateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A generated-at instant, to the minute, in UTC: "2026-11-28 04:53 UTC". */
export function formatInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// The reasons the suppression module gives, keyed so that a table cell stays short and its footnote says why.
const REASON_KEYS = new Map([
  [REASON_SMALL, 'a'],
  [REASON_COMPLEMENT, 'b'],
]);
export const SUPPRESSION_FOOTNOTE = `Withheld from payers: (a) ${REASON_SMALL}; (b) ${REASON_COMPLEMENT} (docs/METRICS.md, Small cells).`;

/**
 * A value withheld by the suppression module as the dashboard prints it (WITHHELD_TEXT), with the key of the
 * service's reason ("(a)": a small cell itself; "(b)": withheld to protect another cell); a reason without a key
 * is written out. The reason is the service's, never decided here.
 */
export function formatSuppressed(value: SuppressedValue): string {
  return `${WITHHELD_TEXT} (${REASON_KEYS.get(value.reason) ?? value.reason})`;
}

/** A count; a count of 1-10 is marked (only a suppressing scope withholds it, and then it is a SuppressedValue). */
export function formatCountCell(count: CountOrSuppressed): string {
  if (isSuppressed(count)) return formatSuppressed(count);
  return isSmallCount(count) ? `${formatCount(count)}${SMALL_CELL_MARK}` : formatCount(count);
}

/** The parts of a rate's row: its value (marked when it rests on a small cell), interval and n. */
export interface RateCells {
  value: string;
  interval: string;
  n: string;
  marked: boolean;
}

export function rateCells(rate: RateOrSuppressed): RateCells {
  if (isSuppressed(rate)) return { value: formatSuppressed(rate), interval: '', n: '', marked: false };
  const n = `${formatCount(rate.numerator)} of ${formatCount(rate.denominator)}`;
  if (rate.rate === null || rate.ci95 === null) return { value: 'not defined', interval: '', n, marked: false };
  const marked = restsOnSmallCell(rate);
  return {
    value: marked ? `${formatPercent(rate.rate)}${SMALL_CELL_MARK}` : formatPercent(rate.rate),
    interval: formatConfidenceInterval(rate.ci95),
    n,
    marked,
  };
}

/** A mean, median or other number with its unit; null is "none". */
export function formatNumberCell(
  value: NumberOrSuppressed | null,
  unit = '',
  format: (value: number) => string = formatDecimal,
): string {
  if (value === null) return 'none';
  if (isSuppressed(value)) return formatSuppressed(value);
  return `${format(value)}${unit}`;
}

/**
 * pdfkit's standard 14 fonts are WinAnsi-encoded: characters outside it (>=, <=, the minus sign) would print as
 * garbage, so the few the services' texts use are spelled in ASCII.
 */
export function winAnsi(text: string): string {
  return text
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/−/g, '-')
    .replace(/×/g, 'x')
    .replace(/[^\x20-\x7e\u00a0-\u00ff–—‘’“”•…†‡€™]/g, '?');
}
