import type { CountOrSuppressed, RateOrSuppressed, SuppressedValue } from '@iop/contracts';
import { isSmallCount, isSuppressed, restsOnSmallCell, SMALL_CELL_MAX } from '@iop/contracts';

/**
 * The primitives of small-cell suppression (docs/ARCHITECTURE.md "Suppression", docs/METRICS.md "Small
 * cells"): a count of 1-10 is never shown to a payer, and neither is any cell from which one could be derived.
 * Zero is shown: it identifies nobody. The per-response rules (summary, series, costs) are built from these
 * only.
 */

export { isSmallCount, SMALL_CELL_MAX };

export const REASON_SMALL = `fewer than ${SMALL_CELL_MAX + 1} episodes`;
export const REASON_COMPLEMENT = `withheld so that a cell of fewer than ${SMALL_CELL_MAX + 1} cannot be derived`;

export const withheld = (reason: string): SuppressedValue => ({ suppressed: true, reason });

/** A count as a payer may see it. */
export function suppressCount(count: number): CountOrSuppressed {
  return isSmallCount(count) ? withheld(REASON_SMALL) : count;
}

/**
 * A rate as a payer may see it. Withheld when its numerator, its denominator or their difference is 1-10:
 * the difference (e.g. the non-completers behind a completion rate) is a count the rate reveals just as well.
 */
export function suppressRate(rate: RateOrSuppressed): RateOrSuppressed {
  if (isSuppressed(rate)) return rate;
  return restsOnSmallCell(rate) ? withheld(REASON_SMALL) : rate;
}

/** A mean, median or amount over `count` episodes: withheld when they are 1-10 (it describes those patients). */
export function suppressOver<T>(value: T, count: number): T | SuppressedValue {
  return isSmallCount(count) ? withheld(REASON_SMALL) : value;
}

export interface PartitionSuppression {
  /** Per cell: withheld (every count of the cell is withheld together). */
  hidden: boolean[];
  /**
   * No sibling was left to protect a withheld cell. Unless cells were forced, that means one of the total's
   * counts is itself 1-10 (every cell positive in it is withheld), so primary suppression of the total already
   * withholds it; callers withhold a total they show only through other counts (e.g. discharged as a rate's
   * denominator) explicitly.
   */
  totalHidden: boolean;
}

/**
 * Complementary suppression of a partition: cells that add up to a total. Each cell is a vector of counts that
 * add up component-wise to the total's (e.g. [episodes, numerator, denominator, denominator - numerator] of a
 * group), and a cell is shown or withheld as a whole.
 *
 * A cell is withheld when any of its counts is 1-10, or when `forced`. Then, if the total is shown, what is
 * withheld can be recovered by subtraction as one sum per component; so more cells are withheld, smallest
 * first, until no component's withheld sum is 1-10 and never exactly one cell is withheld (one withheld cell
 * would be the total minus the others). When no sibling is left, `totalHidden` says so (see there). If the total
 * is not shown (`totalShown` false), the shown cells must not add up to it: at least one positive cell is withheld.
 */
export function suppressPartition(
  cells: readonly (readonly number[])[],
  options: { totalShown: boolean; forced?: readonly boolean[] },
): PartitionSuppression {
  const hidden = cells.map((counts, i) => Boolean(options.forced?.[i]) || counts.some(isSmallCount));
  const width = Math.max(0, ...cells.map((counts) => counts.length));
  const hiddenSum = (component: number) =>
    cells.reduce((sum, counts, i) => sum + (hidden[i] ? (counts[component] ?? 0) : 0), 0);
  const isPositive = (counts: readonly number[]) => counts.some((count) => count > 0);

  // The cell to withhold next: among shown cells positive in the component that needs it, the smallest there
  // (ties: the earliest), so that the least information is lost.
  const nextSibling = (component: number): number => {
    let best = -1;
    cells.forEach((counts, i) => {
      const value = counts[component] ?? 0;
      if (hidden[i] || value <= 0) return;
      if (best < 0 || value < (cells[best][component] ?? 0)) best = i;
    });
    return best;
  };

  if (!options.totalShown) {
    if (!hidden.some((h, i) => h && isPositive(cells[i]))) {
      const candidate = nextSiblingAnyComponent();
      if (candidate >= 0) hidden[candidate] = true;
    }
    return { hidden, totalHidden: true };
  }

  const components = [...Array(width).keys()];
  for (;;) {
    const hiddenCount = hidden.filter(Boolean).length;
    if (hiddenCount === 0) return { hidden, totalHidden: false };
    const leaking = components.filter((component) => isSmallCount(hiddenSum(component)));
    if (hiddenCount !== 1 && leaking.length === 0) return { hidden, totalHidden: false };
    // A leak no sibling can close means that count of the total is itself 1-10; the others are still closed.
    const candidates = [...leaking.map(nextSibling), hiddenCount === 1 ? nextSiblingAnyComponent() : -1];
    const candidate = candidates.find((index) => index >= 0);
    if (candidate === undefined) return { hidden, totalHidden: true };
    hidden[candidate] = true;
  }

  /** The shown positive cell with the smallest first count (for a lone withheld cell, any sibling will do). */
  function nextSiblingAnyComponent(): number {
    let best = -1;
    cells.forEach((counts, i) => {
      if (hidden[i] || !isPositive(counts)) return;
      if (best < 0 || (counts[0] ?? 0) < (cells[best][0] ?? 0)) best = i;
    });
    return best;
  }
}

/** The count of a cell as shown: withheld when the partition withholds it or it is itself small. */
export function shownCount(count: number, hidden: boolean, reason = REASON_COMPLEMENT): CountOrSuppressed {
  if (isSmallCount(count)) return withheld(REASON_SMALL);
  return hidden ? withheld(reason) : count;
}
