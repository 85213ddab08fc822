import type { EvidenceClaim, EvidenceVerdict } from '@iop/contracts';
import { withFalseDiscoveryControl } from './board-multiplicity';

/** A card with only what the multiplicity step reads: its id, adjusted p and interval-rule verdict. */
function claim(id: number, p: number | null, verdict: EvidenceVerdict): EvidenceClaim {
  return {
    id,
    claim: `claim ${id}`,
    exposure: 'exposure',
    outcome: 'outcome',
    method: 'method',
    n: 1500,
    unadjusted: { measure: 'slope', estimate: null, ci95: null, p: null },
    adjusted: { measure: 'adjusted slope', estimate: p === null ? null : 1, ci95: null, p, covariates: [], q: null },
    verdict,
    chart: { type: 'grouped_bars', bars: [] },
  };
}

describe('withFalseDiscoveryControl: the board-level Benjamini-Hochberg step', () => {
  // The demo network's adjusted p-values (admin view), claim 6 without one. Sorted, the nine p-values and
  // BH's n p / rank, then the running minimum from the largest:
  //   1: 1.48e-49 * 9 = 1.332e-48       2: 1.47e-9 * 9/2 = 6.615e-9      4: 2.47e-5 * 9/3 = 7.41e-5
  //   7: 9.05e-4 * 9/4 = 2.03625e-3     3: 0.0133 * 9/5 = 0.02394        5: 0.0381 * 9/6 = 0.05715
  //  10: 0.0784 * 9/7 = 0.1008          9: 0.1135 * 9/8 = 0.1276875      8: 0.3627 * 9/9 = 0.3627
  const board = [
    claim(1, 1.48e-49, 'associated'),
    claim(2, 1.47e-9, 'associated'),
    claim(3, 0.0133, 'associated'),
    claim(4, 2.47e-5, 'associated'),
    claim(5, 0.0381, 'associated'),
    claim(6, null, 'associated'),
    claim(7, 9.05e-4, 'associated'),
    claim(8, 0.3627, 'no_clear_association'),
    claim(9, 0.1135, 'no_clear_association'),
    claim(10, 0.0784, 'no_clear_association'),
  ];
  const controlled = withFalseDiscoveryControl(board);
  const byId = new Map(controlled.map((card) => [card.id, card]));

  it('gives each adjusted p its q over the claims that have one, and none to a claim without', () => {
    const expected: Record<number, number> = {
      1: 1.332e-48,
      2: 6.615e-9,
      3: 0.02394,
      4: 7.41e-5,
      5: 0.05715,
      7: 2.03625e-3,
      8: 0.3627,
      9: 0.1276875,
      10: 0.1008,
    };
    for (const [id, q] of Object.entries(expected)) {
      const actual = byId.get(Number(id))?.adjusted.q as number;
      expect(Math.abs(actual - q)).toBeLessThanOrEqual(1e-12 * q);
    }
    expect(byId.get(6)?.adjusted.q).toBeNull();
  });

  it('keeps "associated" only where q < 0.05: claim 5 (p = 0.038, q = 0.057) is no clear association', () => {
    expect(controlled.map((card) => [card.id, card.verdict])).toEqual([
      [1, 'associated'],
      [2, 'associated'],
      [3, 'associated'],
      [4, 'associated'],
      [5, 'no_clear_association'],
      [6, 'associated'],
      [7, 'associated'],
      [8, 'no_clear_association'],
      [9, 'no_clear_association'],
      [10, 'no_clear_association'],
    ]);
  });

  it('never turns another verdict into "associated", and keeps the order and the rest of each card', () => {
    const small = withFalseDiscoveryControl([
      claim(1, 0.001, 'not_enough_data'),
      claim(2, 0.2, 'no_clear_association'),
    ]);
    expect(small.map((card) => card.verdict)).toEqual(['not_enough_data', 'no_clear_association']);
    // q over two: 0.001 * 2 = 0.002; 0.2.
    expect(small.map((card) => card.adjusted.q)).toEqual([0.002, 0.2]);
    const original = claim(1, 0.001, 'not_enough_data');
    expect(small[0]).toEqual({ ...original, adjusted: { ...original.adjusted, q: 0.002 } });
  });
});
