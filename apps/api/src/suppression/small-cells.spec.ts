import type { RateValue } from '@iop/contracts';
import { splitEpisodes, hiddenOutcomeGroups } from './shared-partitions';
import {
  REASON_COMPLEMENT,
  REASON_SMALL,
  suppressCount,
  suppressOver,
  suppressPartition,
  suppressRate,
} from './small-cells';

const rate = (numerator: number, denominator: number): RateValue => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
  ci95: null,
});
const SMALL = { suppressed: true, reason: REASON_SMALL };

describe('small-cell primitives, on hand-worked cases', () => {
  it('a count: zero is shown, 1 and 10 are withheld, 11 is shown', () => {
    expect([0, 1, 10, 11, 250].map(suppressCount)).toEqual([0, SMALL, SMALL, 11, 250]);
    expect(REASON_SMALL).toBe('fewer than 11 episodes');
  });

  it('a rate: withheld when the numerator, the denominator or their difference is 1-10', () => {
    expect(suppressRate(rate(0, 0))).toEqual(rate(0, 0));
    expect(suppressRate(rate(0, 40))).toEqual(rate(0, 40));
    expect(suppressRate(rate(11, 40))).toEqual(rate(11, 40));
    expect(suppressRate(rate(10, 40))).toEqual(SMALL);
    expect(suppressRate(rate(10, 10))).toEqual(SMALL);
    // 35 of 40 completed reveals that 5 did not.
    expect(suppressRate(rate(35, 40))).toEqual(SMALL);
    expect(suppressRate(rate(40, 40))).toEqual(rate(40, 40));
  });

  it('a mean or an amount over 1-10 episodes is withheld, over 0 or 11 shown', () => {
    expect(suppressOver(3.5, 10)).toEqual(SMALL);
    expect(suppressOver(3.5, 11)).toBe(3.5);
    expect(suppressOver(null, 0)).toBeNull();
  });

  it('a partition with one small cell gets the next smallest sibling withheld too', () => {
    // 5 + 12 + 30 = 47 shown: 5 alone would be 47 - 12 - 30.
    expect(suppressPartition([[5], [30], [12]], { totalShown: true })).toEqual({
      hidden: [true, false, true],
      totalHidden: false,
    });
  });

  it('a zero sibling does not protect a withheld cell: the next positive one is taken', () => {
    expect(suppressPartition([[0], [4], [20], [15]], { totalShown: true }).hidden).toEqual([false, true, false, true]);
  });

  it('two withheld cells that add up to 1-10 get a third: their sum would be a small cell', () => {
    // 3 + 4 = 7 = total - 60 - 20: the 20 is withheld too (sum 27).
    expect(suppressPartition([[3], [4], [60], [20]], { totalShown: true }).hidden).toEqual([true, true, false, true]);
  });

  it('no sibling left: the total is withheld', () => {
    expect(suppressPartition([[7], [0]], { totalShown: true })).toEqual({ hidden: [true, false], totalHidden: true });
  });

  it('nothing small, nothing withheld; a total not shown needs one positive cell withheld', () => {
    expect(suppressPartition([[11], [0], [40]], { totalShown: true }).hidden).toEqual([false, false, false]);
    expect(suppressPartition([[11], [0], [40]], { totalShown: false }).hidden).toEqual([true, false, false]);
  });

  it('vector cells: a cell is withheld as a whole when any component is small, and every component is protected', () => {
    // [episodes, numerator, denominator, difference]: group 1's numerator 3 is small; the others' numerators are
    // 12 and 15; withholding group 2 (smallest positive numerator) makes the withheld numerators 15.
    const cells = [
      [20, 3, 20, 17],
      [30, 12, 30, 18],
      [40, 15, 40, 25],
    ];
    expect(suppressPartition(cells, { totalShown: true }).hidden).toEqual([true, true, false]);
  });

  it('forced cells count as withheld', () => {
    expect(suppressPartition([[20], [30], [40]], { totalShown: true, forced: [false, true, false] }).hidden).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('active + discharged: a small active count withholds the discharged too, or the total', () => {
    expect(splitEpisodes(45, 5, 40)).toEqual({ episodesHidden: false, activeHidden: true, dischargedHidden: true });
    expect(splitEpisodes(5, 5, 0)).toEqual({ episodesHidden: true, activeHidden: true, dischargedHidden: false });
    expect(splitEpisodes(0, 0, 0)).toEqual({ episodesHidden: false, activeHidden: false, dischargedHidden: false });
    expect(splitEpisodes(60, 20, 40)).toEqual({ episodesHidden: false, activeHidden: false, dischargedHidden: false });
  });

  it('outcome groups: everything withheld with the discharged; otherwise the partition rule', () => {
    expect(hiddenOutcomeGroups([20, 3, 15, 0], true)).toEqual([true, true, true, true]);
    expect(hiddenOutcomeGroups([20, 3, 15, 0], false)).toEqual([false, true, true, false]);
    expect(REASON_COMPLEMENT).toMatch(/cannot be derived/);
  });
});
