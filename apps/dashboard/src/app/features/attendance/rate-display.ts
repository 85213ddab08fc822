import { isSuppressed, type MetricValue, type RateOrSuppressed, restsOnSmallCell } from '@iop/contracts';
import { type HeadlineFigureValue, withheldFigure } from '../../ui/cards/headline-figure';
import type { FrameCell } from '../../ui/charts/frame-table';
import { formatConfidenceInterval, formatCount, formatPercent, WITHHELD_TEXT } from '../../ui/formats/number-format';

/** The proportion to draw; null when there is none to draw (withheld, no denominator, or not a rate). */
export function rateOf(value: MetricValue | undefined): number | null {
  if (value === null || value === undefined || typeof value === 'number' || isSuppressed(value)) return null;
  return value.rate;
}

export function ciOf(value: MetricValue | undefined): readonly [number, number] | null {
  if (value === null || value === undefined || typeof value === 'number' || isSuppressed(value)) return null;
  return value.ci95;
}

/** The denominator a rate rests on; null when it is withheld. */
export function denominatorOf(value: MetricValue | undefined): number | null {
  if (value === null || value === undefined || typeof value === 'number' || isSuppressed(value)) return null;
  return value.denominator;
}

/** "78.3%", "fewer than 11" for a withheld value, "—" when nothing is defined. */
export function rateText(value: MetricValue | undefined): string {
  if (isSuppressed(value)) return WITHHELD_TEXT;
  const rate = rateOf(value);
  return rate === null ? '—' : formatPercent(rate);
}

/** "95% CI 76.1%–80.4%", or '' when there is no interval. */
export function ciText(value: MetricValue | undefined): string {
  const ci = ciOf(value);
  return ci ? formatConfidenceInterval(ci) : '';
}

/**
 * A rate as three table cells (rate, interval low, interval high). A withheld rate is the text "fewer than 11"
 * in the rate cell and nothing in the interval cells, so that the CSV carries no number it could be derived from.
 */
export function rateCells(value: MetricValue | undefined): [FrameCell, FrameCell, FrameCell] {
  if (isSuppressed(value)) return [WITHHELD_TEXT, null, null];
  const ci = ciOf(value);
  return [rateOf(value), ci ? ci[0] : null, ci ? ci[1] : null];
}

/** A headline rate: the value, its interval and its n, or why it is withheld. */
export function rateKpi(value: RateOrSuppressed | undefined, unit: string): HeadlineFigureValue {
  if (value === undefined) return { value: '…', details: [], suppressed: false };
  if (isSuppressed(value)) return withheldFigure(value.reason);
  const sample = `n = ${formatCount(value.denominator)} ${unit}`;
  if (value.rate === null || value.ci95 === null) return { value: '—', details: [sample], suppressed: false };
  return {
    value: formatPercent(value.rate),
    details: [formatConfidenceInterval(value.ci95), sample],
    suppressed: false,
    smallCell: restsOnSmallCell(value),
  };
}
