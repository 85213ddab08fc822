import { type CountOrSuppressed, isSuppressed, type RateOrSuppressed, type RateValue } from '@iop/contracts';
import type { AccessScope } from '../access/access-scope';
import { publishPerturbed } from './perturbed-answer';
import { isSmallCount, suppressPartition } from './small-cells';

/**
 * Partitions that several responses show, decided by one function each on the same numbers, so that every
 * response withholds the same cells of them: a cell withheld in one response and shown in another would undo
 * the complementary suppression.
 */

/**
 * The answer as the caller may see it: exact, or for a scope that suppresses small cells (a payer's), the cells
 * `suppress` withholds by the exact counts and every other value from `perturbed`, the same answer built on the
 * counts perturbed by their cell keys (publishPerturbed, docs/SECURITY.md "Differencing").
 */
export function forScope<T>(scope: AccessScope, exact: T, suppress: (exact: T) => T, perturbed: () => T): T {
  return scope.smallCells === 'suppress' ? publishPerturbed(suppress(exact), perturbed()) : exact;
}

/** A rate of an exact (not yet suppressed) response; suppression runs once, on exact values. */
export function exactRate(rate: RateOrSuppressed): RateValue {
  if (isSuppressed(rate)) throw new Error('small-cell suppression expects exact values; it ran twice');
  return rate;
}

/** A count of an exact response. */
export function exactCount(count: CountOrSuppressed): number {
  if (typeof count !== 'number') throw new Error('small-cell suppression expects exact values; it ran twice');
  return count;
}

export interface EpisodeSplit {
  episodesHidden: boolean;
  activeHidden: boolean;
  dischargedHidden: boolean;
}

/**
 * Selected episodes = active + discharged. The summary shows all three (discharged as the denominator of the
 * discharge rates), discharge reasons and costs show active and discharged, flow reveals them as sums. When one
 * of active and discharged is withheld, so is the other (the only sibling), or, failing that, the total.
 */
export function splitEpisodes(episodes: number, active: number, discharged: number): EpisodeSplit {
  const split = suppressPartition([[active], [discharged]], { totalShown: true });
  return {
    episodesHidden: isSmallCount(episodes) || split.totalHidden,
    activeHidden: split.hidden[0],
    dischargedHidden: split.hidden[1],
  };
}

/**
 * The discharge reasons grouped as the summary's rates use them: completed (1), transferred (4, positive
 * conclusion minus completion), dropped out or terminated (2, 3) and the rest (5, 6, 7, discharged minus the
 * others). Discharge reasons withholds whole groups first, with the same decision as the summary, then reasons
 * within a shown group.
 */
export const DISCHARGE_OUTCOME_GROUPS: readonly (readonly number[])[] = [[1], [4], [2, 3], [5, 6, 7]];

/** Which outcome groups (in DISCHARGE_OUTCOME_GROUPS order) are withheld, from their episode counts. */
export function hiddenOutcomeGroups(groupCounts: readonly number[], dischargedHidden: boolean): boolean[] {
  if (dischargedHidden) return groupCounts.map(() => true);
  const partition = suppressPartition(
    groupCounts.map((count) => [count]),
    { totalShown: true },
  );
  return partition.totalHidden ? groupCounts.map(() => true) : partition.hidden;
}
