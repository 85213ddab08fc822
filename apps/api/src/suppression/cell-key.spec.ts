import {
  addKeyed,
  CELL_KEY_MODULUS,
  MAX_ADJUSTMENT,
  perturbationRow,
  perturbedCount,
  PERTURBATION_PROBABILITIES,
} from './cell-key';

const meanOf = (row: ReadonlyMap<number, number>) => [...row].reduce((sum, [d, p]) => sum + d * p, 0);
const varianceOf = (row: ReadonlyMap<number, number>) =>
  [...row].reduce((sum, [d, p]) => sum + p * (d - meanOf(row)) ** 2, 0);
const totalOf = (row: ReadonlyMap<number, number>) => [...row.values()].reduce((sum, p) => sum + p, 0);

describe('the perturbation table', () => {
  it('has rows that are distributions over -3..3, unbiased with variance 2.72 from 14 on', () => {
    for (const n of [11, 12, 13, 14, 15, 50, 10_000]) {
      const row = perturbationRow(n);
      expect(totalOf(row)).toBeCloseTo(1, 12);
      for (const adjustment of row.keys()) expect(Math.abs(adjustment)).toBeLessThanOrEqual(MAX_ADJUSTMENT);
    }
    for (const n of [14, 15, 50, 10_000]) {
      expect(meanOf(perturbationRow(n))).toBeCloseTo(0, 12);
      expect(varianceOf(perturbationRow(n))).toBeCloseTo(2.72, 12);
    }
    expect(perturbationRow(14)).toEqual(PERTURBATION_PROBABILITIES);
  });

  it('never takes a shown count below 11, leaning counts 11-13 upward by the documented means', () => {
    for (const n of [11, 12, 13])
      for (const adjustment of perturbationRow(n).keys()) expect(n + adjustment).toBeGreaterThan(10);
    // By hand: mirroring -d onto +d moves probability p(d) by 2d, so the mean is 2 x the sum of d x p(d) over the
    // mirrored d: n = 11 mirrors 1, 2, 3: 2 x (0.16 + 0.24 + 0.24) = 1.28; n = 12 mirrors 2, 3: 2 x (0.24 + 0.24) =
    // 0.96; n = 13 mirrors 3: 2 x 0.24 = 0.48.
    expect([11, 12, 13].map((n) => Number(meanOf(perturbationRow(n)).toFixed(12)))).toEqual([1.28, 0.96, 0.48]);
  });
});

describe('perturbedCount', () => {
  it('leaves 0 and the withheld counts 1-10 as they are, whatever the key', () => {
    for (const n of [0, 1, 5, 10])
      for (const key of [0, 1, 12345, CELL_KEY_MODULUS - 1]) expect(perturbedCount({ n, key })).toBe(n);
  });

  it('leaves a count exact at cell key 0, and maps the key range onto the row in order 0, -1, 1, -2, 2, -3, 3', () => {
    const at = (fraction: number) => perturbedCount({ n: 100, key: Math.floor(fraction * CELL_KEY_MODULUS) });
    // Cumulative: 0.28 | 0.44 | 0.60 | 0.72 | 0.84 | 0.92 | 1.
    expect([0, 0.27, 0.3, 0.5, 0.65, 0.8, 0.9, 0.99].map(at)).toEqual([100, 100, 99, 101, 98, 102, 97, 103]);
  });

  it('gives the same cell the same count every time, and a key reduced modulo 2^24 the same as its sum', () => {
    const cell = { n: 437, key: 9_876_543 };
    expect(perturbedCount(cell)).toBe(perturbedCount({ ...cell }));
    expect(perturbedCount({ n: 437, key: 9_876_543 + 5 * CELL_KEY_MODULUS })).toBe(perturbedCount(cell));
  });

  it('draws adjustments with the table’s probabilities over uniform keys', () => {
    const draws = 200_000;
    const seen = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const adjustment = perturbedCount({ n: 1000, key: Math.floor((i / draws) * CELL_KEY_MODULUS) }) - 1000;
      seen.set(adjustment, (seen.get(adjustment) ?? 0) + 1);
    }
    for (const [adjustment, probability] of PERTURBATION_PROBABILITIES)
      expect((seen.get(adjustment) ?? 0) / draws).toBeCloseTo(probability, 4);
  });
});

describe('addKeyed', () => {
  it('adds counts, and keys modulo 2^24, so a union keeps its records’ key sum', () => {
    expect(addKeyed({ n: 3, key: CELL_KEY_MODULUS - 2 }, { n: 4, key: 5 })).toEqual({ n: 7, key: 3 });
  });
});
