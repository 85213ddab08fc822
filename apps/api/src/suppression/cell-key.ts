import { isSmallCount, SMALL_CELL_MAX } from './small-cells';

/**
 * Cell-key perturbation of the counts a payer sees (docs/SECURITY.md "Differencing"), after the Australian
 * Bureau of Statistics' TableBuilder. Every episode carries a fixed random record key in [0, 2^24)
 * (episodes.record_key); a count's cell key is the sum of its records' keys modulo 2^24, read as a fraction of
 * 2^24; the perturbation table turns (count, cell key) into a bounded adjustment. The same episodes counted
 * anywhere get the same key, so the same adjustment: asking again, or in another answer, gives nothing new, and
 * the difference of two answers is the difference of the true counts plus two adjustments that do not cancel.
 */

/** Record keys are integers in [0, CELL_KEY_MODULUS); the SQL reduces each cell's key sum modulo it. */
export const CELL_KEY_MODULUS = 2 ** 24;

/** A count with the sum of its records' keys modulo CELL_KEY_MODULUS: what perturbation needs of a cell. */
export interface KeyedCount {
  n: number;
  key: number;
}

/** The union of disjoint cells: counts add, and so do keys, which keeps the union's key its records' sum. */
export function addKeyed(a: KeyedCount, b: KeyedCount): KeyedCount {
  return { n: a.n + b.n, key: (a.key + b.key) % CELL_KEY_MODULUS };
}

export const NO_RECORDS: KeyedCount = { n: 0, key: 0 };

/** The count itself, for the answers of the roles that see exact figures and for suppression's decisions. */
export const trueCount = ({ n }: KeyedCount): number => n;

/**
 * The largest adjustment. The table (PERTURBATION_PROBABILITIES) is the same for every count of
 * SMALL_CELL_MAX + 1 + MAX_ADJUSTMENT or more: mean 0, variance 2.72.
 */
export const MAX_ADJUSTMENT = 3;

/** Probability of each adjustment -3..3 for a count far enough from the threshold that all seven are allowed. */
export const PERTURBATION_PROBABILITIES: ReadonlyMap<number, number> = new Map([
  [-3, 0.08],
  [-2, 0.12],
  [-1, 0.16],
  [0, 0.28],
  [1, 0.16],
  [2, 0.12],
  [3, 0.08],
]);

/**
 * The order in which adjustments take their share of [0, 1): 0 first, so a cell key of 0 (for instance every
 * record key 0, as the fixtures of the suppression tests set them) leaves every count exact.
 */
const ADJUSTMENT_ORDER = [0, -1, 1, -2, 2, -3, 3];

/**
 * The perturbation table's row for a shown count (n of 11 or more): each adjustment's probability. An adjustment
 * that would take the count below 11 is mirrored (+d instead of -d): a shown count never looks withheld, at
 * the price of a slight upward lean of counts 11-13 (the mean adjustment is 1.28, 0.96 and 0.48).
 */
export function perturbationRow(n: number): ReadonlyMap<number, number> {
  const row = new Map<number, number>();
  for (const adjustment of ADJUSTMENT_ORDER) {
    const allowed = n + adjustment > SMALL_CELL_MAX ? adjustment : -adjustment;
    row.set(allowed, (row.get(allowed) ?? 0) + (PERTURBATION_PROBABILITIES.get(adjustment) ?? 0));
  }
  return row;
}

/**
 * The count as a payer sees it. 0 stays 0 (it identifies nobody) and 1-10 are returned as they are, because they
 * are withheld anyway (never shown, perturbed or not); from 11 on, the adjustment the cell key falls on.
 */
export function perturbedCount({ n, key }: KeyedCount): number {
  if (n === 0 || isSmallCount(n)) return n;
  const cellKey = (((key % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS) / CELL_KEY_MODULUS;
  let upTo = 0;
  let last = 0;
  for (const [adjustment, probability] of perturbationRow(n)) {
    upTo += probability;
    last = adjustment;
    if (cellKey < upTo) return n + adjustment;
  }
  // Only when rounding leaves the probabilities' sum a hair under 1 and the key above it.
  return n + last;
}
