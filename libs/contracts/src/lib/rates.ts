/** A proportion with its Wilson 95% interval (docs/METRICS.md, Conventions). */
export interface RateValue {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  rate: number | null;
  /** Wilson score interval; null when the denominator is 0. */
  ci95: [number, number] | null;
}

/** A cell withheld from the caller; nothing in it lets the value be derived. */
export interface SuppressedValue {
  suppressed: true;
  reason: string;
}

export type RateOrSuppressed = RateValue | SuppressedValue;

/** A count of episodes (or appointments), or the cell withheld from a payer because it is 1-10 or would reveal one. */
export type CountOrSuppressed = number | SuppressedValue;

/** A mean, median or sum over few episodes, withheld from a payer because it describes 1-10 patients. */
export type NumberOrSuppressed = number | SuppressedValue;

/** The number, or null when it is withheld: for arithmetic and charts, which have no place for the reason. */
export function numberOrNull(value: NumberOrSuppressed | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

export function isSuppressed(value: unknown): value is SuppressedValue {
  return typeof value === 'object' && value !== null && (value as SuppressedValue).suppressed === true;
}

/**
 * The largest count that is a small cell (docs/METRICS.md, Small cells): withheld from payers, shown exactly but marked to
 * the roles that may see it.
 */
export const SMALL_CELL_MAX = 10;

export const isSmallCount = (count: number): boolean => count >= 1 && count <= SMALL_CELL_MAX;

/**
 * A rate rests on a small cell when its numerator, denominator or their difference (e.g. the non-completers
 * behind a completion rate) is 1-10: a payer never sees it; anyone else sees it marked, to be read with care.
 */
export function restsOnSmallCell(rate: RateValue): boolean {
  return [rate.numerator, rate.denominator, rate.denominator - rate.numerator].some(isSmallCount);
}
