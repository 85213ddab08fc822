import { type CountOrSuppressed, isSuppressed, type RateOrSuppressed } from '@iop/contracts';

/**
 * Independent checks of what a payer's response discloses, written against the JSON (not the suppression code):
 * which counts are visible, and whether a withheld cell of a partition can be recovered by subtraction.
 */

const isSmall = (count: number) => count >= 1 && count <= 10;

/** Fields that hold a count of episodes (or appointments) in the payer's responses. */
const COUNT_FIELDS = new Set(['episodes', 'activeEpisodes', 'n', 'admissions', 'discharges', 'discharged', 'active']);
const COUNT_FIELDS_OF_COSTS = new Set(['activeExcluded']);

/**
 * Every visible count of 1-10 in a response, by path: count fields, and each rate's numerator, denominator and
 * their difference. Empty when nothing small is visible.
 */
export function visibleSmallCells(response: unknown, path = ''): string[] {
  if (Array.isArray(response)) return response.flatMap((item, i) => visibleSmallCells(item, `${path}[${i}]`));
  if (typeof response !== 'object' || response === null) return [];
  const record = response as Record<string, unknown>;
  const found: string[] = [];
  if (typeof record['numerator'] === 'number' && typeof record['denominator'] === 'number') {
    const { numerator, denominator } = record as { numerator: number; denominator: number };
    if ([numerator, denominator, denominator - numerator].some(isSmall))
      found.push(`${path} ${numerator}/${denominator}`);
  }
  for (const [key, value] of Object.entries(record)) {
    const countField = COUNT_FIELDS.has(key) || COUNT_FIELDS_OF_COSTS.has(key);
    if (countField && typeof value === 'number' && isSmall(value)) found.push(`${path}.${key} = ${value}`);
    else found.push(...visibleSmallCells(value, `${path}.${key}`));
  }
  return found;
}

/** True when the value anywhere holds a withheld cell (to prove a fixture exercises suppression). */
export function holdsSuppressed(response: unknown): boolean {
  if (isSuppressed(response)) return true;
  if (typeof response !== 'object' || response === null) return false;
  return Object.values(response as Record<string, unknown>).some(holdsSuppressed);
}

export const countOf = (value: CountOrSuppressed | undefined): number | null =>
  typeof value === 'number' ? value : null;
export const numeratorOf = (rate: RateOrSuppressed): number | null => (isSuppressed(rate) ? null : rate.numerator);
export const denominatorOf = (rate: RateOrSuppressed): number | null => (isSuppressed(rate) ? null : rate.denominator);

/**
 * How a partition shown with its total discloses a withheld cell: exactly one withheld cell (it is the total
 * minus the others) unless it is 0 (zero may be shown), or withheld cells adding up to 1-10 (their sum is itself
 * a small cell). Cells are the visible counts (null: withheld). A withheld total protects the partition.
 */
export function partitionLeak(label: string, cells: readonly (number | null)[], total: number | null): string | null {
  if (total === null) return null;
  const withheld = cells.filter((cell) => cell === null).length;
  const hiddenSum = total - cells.reduce<number>((sum, cell) => sum + (cell ?? 0), 0);
  if (withheld === 1 && hiddenSum !== 0)
    return `${label}: exactly one withheld cell (${hiddenSum}) of ${JSON.stringify(cells)} / ${total}`;
  if (isSmall(hiddenSum))
    return `${label}: withheld cells add up to ${hiddenSum} of ${JSON.stringify(cells)} / ${total}`;
  return null;
}
