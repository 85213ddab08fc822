import { SMALL_CELL_MAX } from './rates';

/**
 * How the product writes its numbers, on screen (the dashboard) and on paper (the PDF reports) alike, so that a
 * report's figure is the dashboard's to the character. The locale is fixed rather than taken from the browser
 * or the server, so that a number reads the same everywhere, in every export and in the end-to-end tests.
 */
export const DISPLAY_LOCALE = 'en-US';

/** What a withheld value reads as (DESIGN.md section 7): the threshold of the small-cell rule. */
export const WITHHELD_TEXT = `fewer than ${SMALL_CELL_MAX + 1}`;

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
