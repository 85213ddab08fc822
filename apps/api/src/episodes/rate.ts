import type { RateValue } from '@iop/contracts';
import { wilsonInterval } from '@iop/stats';

/** A proportion in the API's one shape, with its Wilson 95% interval. */
export function toRate(numerator: number, denominator: number): RateValue {
  if (denominator === 0) return { numerator, denominator, rate: null, ci95: null };
  return { numerator, denominator, rate: numerator / denominator, ci95: wilsonInterval(numerator, denominator) };
}
