import { SMALL_CELL_MAX } from './rates';
import type { RetentionMedian } from './retention';

/**
 * How the product writes its numbers, on screen (the dashboard) and on paper (the PDF reports) alike, so that a
 * report's figure is the dashboard's to the character. The locale is fixed rather than taken from the browser
 * or the server, so that a number reads the same everywhere, in every export and in the end-to-end tests.
 */
export const DISPLAY_LOCALE = 'en-US';

/**
 * What a withheld value reads as: the threshold of the small-cell rule (docs/METRICS.md, "Small cells"). Every
 * sentence about withheld or small cells interpolates it rather than spelling the number out.
 */
export const WITHHELD_TEXT = `fewer than ${SMALL_CELL_MAX + 1}`;

/** The note beside an exact value that a payer would get withheld: headline badges and the PDF's footnote. */
export const SMALL_CELL_NOTE = `${WITHHELD_TEXT.charAt(0).toUpperCase()}${WITHHELD_TEXT.slice(1)} episodes: exact for you, withheld from payers. Read with care.`;

const countFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const decimalFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 1 });
// Costs are US dollars throughout (docs/METRICS.md, costs); whole dollars are precise enough to compare.
const currencyFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** 1500 -> "1,500". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 0.7834 -> "78.3%". */
export function formatPercent(proportion: number): string {
  return percentFormat.format(proportion);
}

/** [0.761, 0.804] -> "95% CI 76.1%–80.4%". */
export function formatConfidenceInterval([low, high]: readonly [number, number]): string {
  return `95% CI ${formatPercent(low)}–${formatPercent(high)}`;
}

/** 12.345 -> "12.3". */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** 1234.5 -> "$1,235". */
export function formatCurrency(value: number): string {
  return currencyFormat.format(value);
}

// Effects span slopes of 0.0012 and dollar differences of 1,200: significant digits keep both readable.
const effectFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumSignificantDigits: 3 });

/** An effect estimate to three significant digits: 0.012345 -> "0.0123", 1234.5 -> "1,230". */
export function formatEffectEstimate(value: number): string {
  return effectFormat.format(value);
}

// Two significant digits tell p = 0.034 from 0.34 and 0.0064 from 0.064; more would claim a precision the
// models do not have.
const pValueFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumSignificantDigits: 2 });

/** 0.34236 -> "p = 0.34", 0.0064 -> "p = 0.0064"; below a thousandth "p < 0.001", as is usual. */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${pValueFormat.format(p)}`;
}

/**
 * A proportion with its 95% interval: "71.3% (95% CI 68.0%–74.4%)"; a bound that is missing (no standard error
 * at that step) prints as a dash, and no bound at all leaves the interval out.
 */
export function formatPercentWithInterval(proportion: number, lower: number | null, upper: number | null): string {
  if (lower === null && upper === null) return formatPercent(proportion);
  const bound = (value: number | null) => (value === null ? '—' : formatPercent(value));
  return `${formatPercent(proportion)} (95% CI ${bound(lower)}–${bound(upper)})`;
}

/**
 * A median time in days with its 95% interval, R's rule (docs/METRICS.md, "Retention curves"): "45 days (95% CI
 * 38–52)". A median or bound the curve never falls to reads "not reached": "75 days (95% CI 60–not reached)",
 * "not reached (95% CI 121–not reached)" when only the lower bound is reached, plain "not reached" when neither.
 */
export function formatMedianDays(median: RetentionMedian | null): string {
  if (!median) return 'not reached';
  const bound = (value: number | null) => (value === null ? 'not reached' : formatCount(value));
  const interval =
    median.lower === null && median.upper === null ? '' : ` (95% CI ${bound(median.lower)}–${bound(median.upper)})`;
  if (median.estimate === null) return median.lower === null ? 'not reached' : `not reached${interval}`;
  return `${formatCount(median.estimate)} days${interval}`;
}
