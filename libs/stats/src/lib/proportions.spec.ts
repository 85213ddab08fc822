import { wilsonInterval } from './proportions';

// R binom::binom.confint(method = "wilson"), full precision.
const reference: Array<[number, number, number, number]> = [
  [18, 20, 0.6989663547715128, 0.972133518786232],
  [4, 20, 0.0806576625797981, 0.4160174322518935],
  [4, 200, 0.00780442641634947, 0.05028708690582643],
  [190, 200, 0.910421851861224, 0.972617354399236],
];

function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('wilsonInterval', () => {
  it.each(reference)('%i of %i matches R to 1e-9 relative', (x, n, lower, upper) => {
    const [lo, hi] = wilsonInterval(x, n);
    expectRelativelyClose(lo, lower);
    expectRelativelyClose(hi, upper);
  });

  it('is exactly [0, upper] at 0 successes and [lower, 1] at n', () => {
    const [lo0, hi0] = wilsonInterval(0, 30);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.11351339, 8);
    const [loN, hiN] = wilsonInterval(30, 30);
    expect(loN).toBeCloseTo(0.8864866, 7);
    expect(hiN).toBe(1);
  });

  it('narrows as the confidence level falls', () => {
    const [lo95, hi95] = wilsonInterval(18, 20);
    const [lo80, hi80] = wilsonInterval(18, 20, 0.8);
    expect(lo80).toBeGreaterThan(lo95);
    expect(hi80).toBeLessThan(hi95);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});
