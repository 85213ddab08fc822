/** The multiplicity adjustments adjustPValues offers, named as R's p.adjust names them. */
export type PValueAdjustment = 'holm' | 'BH';

/**
 * Adjusted p-values for a family of tests, as R's p.adjust(p, method):
 * - 'holm' (Holm 1979) controls the family-wise error rate: the i-th smallest p becomes
 *   max over j <= i of (n - j + 1) p_(j), capped at 1;
 * - 'BH' (Benjamini & Hochberg 1995) controls the false discovery rate: the i-th smallest p becomes
 *   min over j >= i of n p_(j) / j, capped at 1 (its "q-value").
 * The result is in the order given. NaN stands for a missing p (R's NA): it stays NaN in place and the others
 * are adjusted among themselves, n being the number of non-missing values, as p.adjust does by default.
 * Tied p-values get the same adjusted value; a single p (n <= 1) is returned unchanged, as in R.
 */
export function adjustPValues(p: readonly number[], method: PValueAdjustment): number[] {
  if (method !== 'holm' && method !== 'BH') {
    throw new RangeError(`method must be 'holm' or 'BH', got ${String(method)}`);
  }
  p.forEach((value, index) => {
    if (typeof value !== 'number' || !(Number.isNaN(value) || (value >= 0 && value <= 1))) {
      throw new RangeError(`p[${index}] must be a probability in [0, 1] or NaN (missing), got ${String(value)}`);
    }
  });
  const present = p.map((_, index) => index).filter((index) => !Number.isNaN(p[index]));
  const n = present.length;
  const adjusted: number[] = Array.from(p);
  if (n <= 1) return adjusted;
  // Ascending by p; Array.prototype.sort is stable, so ties keep their input order, as R's order() does.
  const ascending = [...present].sort((a, b) => p[a] - p[b]);
  if (method === 'holm') {
    let runningMax = 0;
    ascending.forEach((index, rank) => {
      runningMax = Math.max(runningMax, (n - rank) * p[index]);
      adjusted[index] = Math.min(1, runningMax);
    });
  } else {
    let runningMin = Infinity;
    for (let rank = n; rank >= 1; rank--) {
      const index = ascending[rank - 1];
      runningMin = Math.min(runningMin, (n / rank) * p[index]);
      adjusted[index] = Math.min(1, runningMin);
    }
  }
  return adjusted;
}
