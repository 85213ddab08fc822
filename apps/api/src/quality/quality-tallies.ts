import type { QualityMeasureGroup, QualityMeasureResult } from '@iop/contracts';
import { toRate } from '../episodes/rate';
import { type KeyedCount, perturbedCount } from '../suppression/cell-key';
import type { MeasureDefinition } from './quality-measures';
import { EXCLUDED, IN_NUMERATOR, NOT_IN_NUMERATOR, type StoredSelection } from './quality-outcome-store';

/** How many episodes a set holds, as the caller may see it: exactly, or perturbed by their record keys (payers). */
export type Tally = (count: KeyedCount) => number;

export const exactTally: Tally = ({ n }) => n;
export const perturbedTally: Tally = perturbedCount;

/** A measure's denominator and, of it, its numerator. */
interface RateCounts {
  denominator: KeyedCount;
  numerator: KeyedCount;
}

const emptyRateCounts = (): RateCounts => ({ denominator: { n: 0, key: 0 }, numerator: { n: 0, key: 0 } });

const add = (count: KeyedCount, recordKey: number) => {
  count.n += 1;
  count.key += recordKey;
};

/** The measure's rate; a perturbed numerator is capped at its perturbed denominator. */
const rateOf = ({ denominator, numerator }: RateCounts, tally: Tally) => {
  const counted = tally(denominator);
  return toRate(Math.min(tally(numerator), counted), counted);
};

/** How many selected episodes (and their record keys' sum) have each outcome code of one measure. */
function countsByCode({ store, slots }: StoredSelection, measureIndex: number): KeyedCount[] {
  const counts: KeyedCount[] = [];
  for (const slot of slots) {
    const code = store.outcomeCode(slot, measureIndex);
    const count = (counts[code] ??= { n: 0, key: 0 });
    add(count, store.recordKey(slot));
  }
  return counts;
}

/** A measure's rate counts from its outcome codes' counts. */
function rateCountsOf(counts: readonly KeyedCount[]): RateCounts {
  const notInNumerator = counts[NOT_IN_NUMERATOR] ?? { n: 0, key: 0 };
  const numerator = counts[IN_NUMERATOR] ?? { n: 0, key: 0 };
  return {
    denominator: { n: notInNumerator.n + numerator.n, key: notInNumerator.key + numerator.key },
    numerator,
  };
}

/** The measure's rate over the selection and its exclusions by reason, sorted by reason. */
export function summarize(
  measure: MeasureDefinition,
  measureIndex: number,
  selection: StoredSelection,
  tally: Tally,
): QualityMeasureResult {
  const counts = countsByCode(selection, measureIndex);
  const exclusions = counts.flatMap((count, code) =>
    code >= EXCLUDED && count ? [{ reason: selection.store.exclusionReason(code), count }] : [],
  );
  return {
    id: measure.id,
    name: measure.name,
    definition: measure.definition,
    rate: rateOf(rateCountsOf(counts), tally),
    // Sorted by reason, so that the order does not depend on which episode came first.
    exclusions: exclusions
      .sort((a, b) => a.reason.localeCompare(b.reason))
      .map(({ reason, count }) => ({ reason, count: tally(count) })),
  };
}

/**
 * The measure's rate per group of its denominator episodes: `groupOf` gives an episode's group as a number,
 * `keyOf` that group's key. Groups are sorted by key (numbers within keys as numbers).
 */
export function groupRates(
  { store, slots }: StoredSelection,
  measureIndex: number,
  grouping: { groupOf: (slot: number) => number; keyOf: (group: number) => string; labelOf: (key: string) => string },
  tally: Tally,
): QualityMeasureGroup[] {
  const groups = new Map<number, RateCounts>();
  for (const slot of slots) {
    const code = store.outcomeCode(slot, measureIndex);
    if (code !== NOT_IN_NUMERATOR && code !== IN_NUMERATOR) continue;
    const group = grouping.groupOf(slot);
    let counts = groups.get(group);
    if (!counts) {
      counts = emptyRateCounts();
      groups.set(group, counts);
    }
    const recordKey = store.recordKey(slot);
    add(counts.denominator, recordKey);
    if (code === IN_NUMERATOR) add(counts.numerator, recordKey);
  }
  return [...groups]
    .map(([group, counts]) => ({ key: grouping.keyOf(group), counts }))
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }))
    .map(({ key, counts }) => ({ key, label: grouping.labelOf(key), rate: rateOf(counts, tally) }));
}
