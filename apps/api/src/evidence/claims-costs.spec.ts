import { ratioDifference, ratioOfSums, savingsAgainstComparator } from './claims-costs';

describe('ratioOfSums (delta method)', () => {
  it('is sum(y) / sum(x) with the linearised standard error', () => {
    // R = 60 / 2 = 30; y - R x = [-20, 20, 0]; var = 3/2 x 800 / 2^2 = 300.
    const result = ratioOfSums([10, 20, 30], [1, 0, 1]);
    expect(result?.ratio).toBe(30);
    expect(result?.se).toBeCloseTo(Math.sqrt(300), 10);
  });

  it('is null without a denominator or with fewer than 2 values', () => {
    expect(ratioOfSums([10, 20], [0, 0])).toBeNull();
    expect(ratioOfSums([10], [1])).toBeNull();
  });
});

describe('ratioDifference', () => {
  const a = { y: [10, 20, 30], x: [1, 0, 1] };
  const b = { y: [5, 5], x: [1, 1] };

  it('differences the ratios with a normal interval from the summed variances', () => {
    const effect = ratioDifference('m', a, b);
    const half = 1.959963984540054 * Math.sqrt(300);
    expect(effect.estimate).toBe(25);
    expect(effect.ci95?.[0]).toBeCloseTo(25 - half, 8);
    expect(effect.ci95?.[1]).toBeCloseTo(25 + half, 8);
    expect(effect.p).toBeGreaterThan(0.05);
  });

  it('centres the interval on a supplied estimate, and is null when an arm has no completer', () => {
    expect(ratioDifference('m', a, b, 24.99).ci95?.[0]).toBeCloseTo(24.99 - 1.959963984540054 * Math.sqrt(300), 8);
    expect(ratioDifference('m', a, { y: [5, 5], x: [0, 0] })).toEqual({
      measure: 'm',
      estimate: null,
      ci95: null,
      p: null,
    });
  });
});

describe('savingsAgainstComparator', () => {
  it('is the comparator cost minus mean charges, with a t interval over the IOP episodes', () => {
    // Per episode 2000 - 200, 2000 - 500, 2000 - 1000 = 1800, 1500, 1000: mean 1433.33 = 2000 - 566.67; squared
    // deviations 134444.44 + 4444.44 + 187777.78 = 326666.67, variance 163333.33, se = sqrt(163333.33 / 3);
    // t(0.975, 2) = 4.302652729911275 (R: qt(0.975, 2)).
    const effect = savingsAgainstComparator('m', 2000, [200, 500, 1000]);
    expect(effect.estimate).toBeCloseTo(1433.333, 3);
    const half = 4.302652729911275 * Math.sqrt(163333.3333333 / 3);
    expect(effect.ci95?.[0]).toBeCloseTo(1433.333 - half, 2);
    expect(effect.ci95?.[1]).toBeCloseTo(1433.333 + half, 2);
    expect(savingsAgainstComparator('m', 2000, [200]).estimate).toBeNull();
  });

  it('centres the interval on the given estimate (the costs summary figure)', () => {
    const effect = savingsAgainstComparator('m', 2000, [200, 500, 1000], 1433.33);
    const half = 4.302652729911275 * Math.sqrt(163333.3333333 / 3);
    expect(effect.estimate).toBe(1433.33);
    expect(effect.ci95?.[1]).toBeCloseTo(1433.33 + half, 6);
  });
});
