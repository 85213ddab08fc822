import { adjustPValues } from './adjust-p-values';

/**
 * Benjamini & Hochberg (1995), section 4.1: the 15 p-values of the myocardial infarction trial (Neuhaus et al.).
 * p <- c(0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
 *        0.6528, 0.7590, 1.000)
 * The expected values are those of R's p.adjust(p, "BH") and p.adjust(p, "holm") (printed below at R's default
 * 7 digits). They were first worked from p.adjust's definitions (R's stats/R/p.adjust.R: BH is
 * pmin(1, cummin(n / i * p[o])) over decreasing p, holm pmin(1, cummax((n - i + 1) * p[o])) over increasing p;
 * the BH values are also the ones scipy documents for this example, scipy.stats.false_discovery_control), then
 * checked against R 4.2.2 (Debian's r-base-core) with options(digits = 17): every value below, the NA cases and
 * the hand-worked ones included, is R's to within 1e-15. The paper's procedure rejects the first four at 0.05.
 */
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
];
// > p.adjust(p, "BH")
//  [1] 0.00150000 0.00300000 0.00950000 0.03562500 0.06030000 0.06385714 0.06385714 0.06450000 0.07650000
// [10] 0.48600000 0.58118182 0.71487500 0.75323077 0.81321429 1.00000000
const BH_1995_Q = [
  0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765, 0.486,
  0.5811818181818182, 0.714875, 0.7532307692307693, 0.8132142857142857, 1,
];
// > p.adjust(p, "holm")
//  [1] 0.0015 0.0056 0.0247 0.1140 0.2211 0.2780 0.2780 0.2780 0.3213 1.0000 1.0000 1.0000 1.0000 1.0000 1.0000
const BH_1995_HOLM = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1];

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(1e-15));
}

describe('adjustPValues', () => {
  it("matches R's p.adjust(p, 'BH') on Benjamini & Hochberg (1995)'s example", () => {
    const q = adjustPValues(BH_1995, 'BH');
    expectClose(q, BH_1995_Q);
    // The step-up carries rank 7's value down to rank 6 (0.0278 * 15 / 6 = 0.0695 would exceed it).
    expect(q[5]).toBe(q[6]);
    expect(q.filter((value) => value < 0.05)).toHaveLength(4);
  });

  it("matches R's p.adjust(p, 'holm') on the same p-values", () => {
    expectClose(adjustPValues(BH_1995, 'holm'), BH_1995_HOLM);
  });

  it('keeps the order given', () => {
    // The same family shuffled: each p keeps its adjusted value.
    const order = [9, 0, 14, 4, 7, 1, 12, 5, 10, 2, 13, 6, 3, 11, 8];
    const q = adjustPValues(
      order.map((i) => BH_1995[i]),
      'BH',
    );
    expectClose(
      q,
      order.map((i) => BH_1995_Q[i]),
    );
  });

  it('by hand: four p-values', () => {
    // Sorted: 0.005, 0.01, 0.03, 0.04 (n = 4).
    // holm: 4 * 0.005 = 0.02, 3 * 0.01 = 0.03, 2 * 0.03 = 0.06, 1 * 0.04 = 0.04 -> running max 0.02 0.03 0.06 0.06.
    // BH: 0.04 * 4/4 = 0.04, 0.03 * 4/3 = 0.04, 0.01 * 4/2 = 0.02, 0.005 * 4/1 = 0.02 -> running min from the top.
    const p = [0.01, 0.04, 0.03, 0.005];
    expectClose(adjustPValues(p, 'holm'), [0.03, 0.06, 0.06, 0.02]);
    expectClose(adjustPValues(p, 'BH'), [0.02, 0.04, 0.04, 0.02]);
  });

  it('gives tied p-values the same adjusted value', () => {
    // BH: 0.5; 0.02 * 3/2 = 0.03; 0.02 * 3/1 = 0.06 -> 0.03. holm: 3 * 0.02 = 0.06, 2 * 0.02 = 0.04 -> 0.06.
    expectClose(adjustPValues([0.02, 0.5, 0.02], 'BH'), [0.03, 0.5, 0.03]);
    expectClose(adjustPValues([0.02, 0.5, 0.02], 'holm'), [0.06, 0.5, 0.06]);
  });

  it('caps at 1', () => {
    // holm: 2 * 0.6 = 1.2 -> 1, and the larger p cannot fall below it.
    expect(adjustPValues([0.6, 0.7], 'holm')).toEqual([1, 1]);
    expectClose(adjustPValues([0.6, 0.7], 'BH'), [0.7, 0.7]);
  });

  it("keeps NaN (R's NA) in place and adjusts the others among themselves", () => {
    // > p.adjust(c(0.01, NA, 0.04, 0.03), "BH")
    // [1] 0.03   NA 0.04 0.04        (n = 3: 0.04; 0.03 * 3/2 = 0.045 -> 0.04; 0.01 * 3 = 0.03)
    const q = adjustPValues([0.01, NaN, 0.04, 0.03], 'BH');
    expect(q[1]).toBeNaN();
    expectClose([q[0], q[2], q[3]], [0.03, 0.04, 0.04]);
    const holm = adjustPValues([NaN, 0.01, 0.04], 'holm');
    expect(holm[0]).toBeNaN();
    expectClose(holm.slice(1), [0.02, 0.04]);
  });

  it('returns a single p unchanged, and nothing for no p-values', () => {
    expect(adjustPValues([0.2], 'BH')).toEqual([0.2]);
    expect(adjustPValues([0.2], 'holm')).toEqual([0.2]);
    const single = adjustPValues([NaN, 0.2], 'BH');
    expect(single[0]).toBeNaN();
    expect(single[1]).toBe(0.2);
    expect(adjustPValues([], 'BH')).toEqual([]);
  });

  it('rejects what is not a p-value or a method', () => {
    expect(() => adjustPValues([0.1, 1.5], 'BH')).toThrow(/p\[1\] must be a probability/);
    expect(() => adjustPValues([-0.1], 'holm')).toThrow(/p\[0\] must be a probability/);
    expect(() => adjustPValues([0.1], 'fdr' as 'BH')).toThrow(/method must be 'holm' or 'BH'/);
  });
});
