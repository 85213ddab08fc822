import { isSuppressed, type RateValue, restsOnSmallCell } from '@iop/contracts';
import { REASON_SMALL, withheld } from './small-cells';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isRateValue = (value: unknown): value is RateValue =>
  isRecord(value) && typeof value['numerator'] === 'number' && typeof value['denominator'] === 'number';

/**
 * A perturbed rate as a payer may see it. Numerator and denominator were perturbed apart (each builder caps the
 * numerator at the denominator), so their difference may fall in 1-10 although the true difference does not:
 * such a rate is withheld like a small one, so that no shown rate has a part of 1-10.
 */
function publishedRate(rate: RateValue): RateValue | ReturnType<typeof withheld> {
  return restsOnSmallCell(rate) ? withheld(REASON_SMALL) : rate;
}

/**
 * A payer's answer: the cells small-cell suppression withheld (decided on the exact counts: `shown`), and every
 * other value from the answer built on the perturbed counts (`perturbed`, same shape), its rates checked again by
 * publishedRate. A shape that differs (another array length, another field) is a bug of the caller: it throws.
 */
export function publishPerturbed<T>(shown: T, perturbed: T): T {
  return overlay(shown, perturbed, '') as T;
}

function overlay(shown: unknown, perturbed: unknown, path: string): unknown {
  if (isSuppressed(shown)) return shown;
  if (Array.isArray(shown)) {
    if (!Array.isArray(perturbed) || perturbed.length !== shown.length)
      throw new Error(`perturbed answer differs in shape at ${path || 'the root'}`);
    return shown.map((item, i) => overlay(item, perturbed[i], `${path}[${i}]`));
  }
  if (isRecord(shown)) {
    if (!isRecord(perturbed)) throw new Error(`perturbed answer differs in shape at ${path || 'the root'}`);
    const merged = Object.fromEntries(
      Object.entries(shown).map(([key, value]) => [key, overlay(value, perturbed[key], `${path}.${key}`)]),
    );
    return isRateValue(merged) ? publishedRate(merged) : merged;
  }
  if (typeof shown !== typeof perturbed && !(shown === null || perturbed === null))
    throw new Error(`perturbed answer differs in type at ${path || 'the root'}`);
  return perturbed;
}
