import {
  type CountOrSuppressed,
  isSmallCount,
  isSuppressed,
  type NumberOrSuppressed,
  type RateOrSuppressed,
  restsOnSmallCell,
  type SuppressedValue,
} from '@iop/contracts';
import { REASON_COMPLEMENT, REASON_SMALL } from '../../suppression/small-cells';

/**
 * The report's number formats: the same as the dashboard's (apps/dashboard/src/app/format/number-format.ts), which
 * the API may not import, so the few it needs are repeated here with the same Intl options and locale.
 */
const LOCALE = 'en-US';
const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
// A 0-1 score needs two decimals to tell 0.80 (compliant) from 0.76.
const scoreFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Effects span slopes of 0.0012 and dollar differences of 1,200: significant digits keep both readable.
const effectFormat = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });
const currencyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
// The reporting period reads "1 Jan 2025 - 31 Oct 2026" (the ReportJob contract's example); calendar days in UTC.
const periodDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The mark after an exact small count shown to a role that may see it; the footnote explains it. */
export const SMALL_CELL_MARK = '†';
export const SMALL_CELL_FOOTNOTE = `${SMALL_CELL_MARK} fewer than 11 episodes: exact, read with care; withheld from payers.`;

export const formatCount = (value: number): string => countFormat.format(value);
export const formatPercent = (proportion: number): string => percentFormat.format(proportion);
export const formatDecimal = (value: number): string => decimalFormat.format(value);
export const formatScore = (value: number): string => scoreFormat.format(value);
export const formatEffectNumber = (value: number): string => effectFormat.format(value);
export const formatCurrency = (dollars: number): string => currencyFormat.format(dollars);

/** [0.761, 0.804] -> "95% CI 76.1%–80.4%", as the dashboard writes it. */
export function formatConfidenceInterval([low, high]: readonly [number, number]): string {
  return `95% CI ${formatPercent(low)}–${formatPercent(high)}`;
}

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
export const SUPPRESSED_TEXT = 'fewer than 11';
export const SUPPRESSION_FOOTNOTE = `Withheld from payers: (a) ${REASON_SMALL}; (b) ${REASON_COMPLEMENT} (docs/METRICS.md, Small cells).`;

/**
 * A value withheld by the suppression module: "fewer than 11", as the dashboard prints it, with the key of the
 * service's reason ("(a)": fewer than 11 episodes; "(b)": withheld to protect another cell); a reason without a
 * key is written out. The reason is the service's, never decided here.
 */
export function formatSuppressed(value: SuppressedValue): string {
  return `${SUPPRESSED_TEXT} (${REASON_KEYS.get(value.reason) ?? value.reason})`;
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
