/** A proportion with its Wilson 95% interval (DESIGN.md section 5). */
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

export function isSuppressed(value: unknown): value is SuppressedValue {
  return typeof value === 'object' && value !== null && (value as SuppressedValue).suppressed === true;
}
