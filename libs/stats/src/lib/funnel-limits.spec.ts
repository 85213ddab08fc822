import { classifyFunnelRate, funnelCurve, funnelLimits } from './funnel-limits';

/*
 * Exact limits worked by hand from the binomial CDF F and Spiegelhalter's (2005) appendix rule: r_p is the smallest
 * r with F(r) >= p, alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)), limit = (r_p - alpha) / n.
 *
 * Bin(10, 0.5): the pmf is C(10, k) / 1024 = 1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1 (/1024), so
 * F(0..10) = 1, 11, 56, 176, 386, 638, 848, 968, 1013, 1023, 1024 (/1024).
 *   p = 0.025: F(1) = 11/1024 < 0.025 <= F(2) = 56/1024, r = 2, alpha = (56 - 25.6) / 45 = 0.675556, limit 0.1324444
 *   p = 0.975: F(7) = 968/1024 < 0.975 <= F(8) = 1013/1024, r = 8, alpha = (1013 - 998.4) / 45 = 0.324444,
 *              limit (8 - 0.324444) / 10 = 0.7675556
 *   p = 0.001: F(0) = 1/1024 < 0.001 <= F(1), r = 1, alpha = (11 - 1.024) / 10 = 0.9976, limit 0.00024
 *   p = 0.999: F(8) < 0.999 <= F(9) = 1023/1024, r = 9, alpha = (1023 - 1022.976) / 10 = 0.0024, limit 0.89976
 *
 * Bin(5, 0.2): pmf 0.32768, 0.4096, 0.2048, 0.0512, 0.0064, 0.00032, so F(0..5) = 0.32768, 0.73728, 0.94208,
 * 0.99328, 0.99968, 1.
 *   p = 0.025 and 0.001: r = 0 (F(0) >= p), alpha = (0.32768 - p) / 0.32768 > 0, limit < 0: clamped to 0
 *   p = 0.975: F(2) < 0.975 <= F(3), r = 3, alpha = (0.99328 - 0.975) / 0.0512 = 0.35703125, limit 0.52859375
 *   p = 0.999: F(3) < 0.999 <= F(4), r = 4, alpha = (0.99968 - 0.999) / 0.0064 = 0.10625, limit 0.77875
 */
describe('funnelLimits, exact binomial (Spiegelhalter 2005, appendix)', () => {
  it('matches the hand-worked limits for n = 10, p0 = 0.5', () => {
    const limits = funnelLimits(0.5, 10, { method: 'exact' });
    expect(limits.n).toBe(10);
    expect(limits.lower95).toBeCloseTo((2 - 30.4 / 45) / 10, 12);
    expect(limits.upper95).toBeCloseTo((8 - 14.6 / 45) / 10, 12);
    expect(limits.lower998).toBeCloseTo(0.00024, 12);
    expect(limits.upper998).toBeCloseTo(0.89976, 12);
  });

  it('matches the hand-worked limits for n = 5, p0 = 0.2, clamping the lower ones at 0', () => {
    const limits = funnelLimits(0.2, 5);
    expect(limits.lower95).toBe(0);
    expect(limits.lower998).toBe(0);
    expect(limits.upper95).toBeCloseTo(0.52859375, 12);
    expect(limits.upper998).toBeCloseTo(0.77875, 12);
  });

  /*
   * R 4.2.2, the appendix rule with R's binomial functions (F(r) - F(r - 1) is dbinom(r)):
   * lim <- function(p, n, p0) { r <- qbinom(p, n, p0); a <- (pbinom(r, n, p0) - p) / dbinom(r, n, p0); (r - a) / n }
   * sprintf("%.17g", c(lim(0.025, n, p0), lim(0.975, n, p0), lim(0.001, n, p0), lim(0.999, n, p0)))
   */
  it.each([
    [250, 0.63, [0.56768586755141681, 0.68736455863679569, 0.5323649105670496, 0.72069405410287413]],
    [1234, 0.07, [0.05568458852726127, 0.084158926807294185, 0.048154720625953072, 0.093013590342141975]],
    [37, 0.412, [0.24324869352326298, 0.56014909206090835, 0.15956391200746348, 0.65146964523153095]],
  ])(
    "matches R's qbinom, pbinom and dbinom for n = %d, p0 = %p",
    (n, target, [lower95, upper95, lower998, upper998]) => {
      const limits = funnelLimits(target, n, { method: 'exact' });
      expect(limits.lower95).toBeCloseTo(lower95, 10);
      expect(limits.upper95).toBeCloseTo(upper95, 10);
      expect(limits.lower998).toBeCloseTo(lower998, 10);
      expect(limits.upper998).toBeCloseTo(upper998, 10);
    },
  );

  it('is continuous in n: a unit more moves a limit by less than a step of 1/n', () => {
    for (let n = 20; n < 400; n++) {
      const here = funnelLimits(0.4, n);
      const next = funnelLimits(0.4, n + 1);
      expect(Math.abs(next.upper95 - here.upper95)).toBeLessThan(1 / n);
      expect(Math.abs(next.lower998 - here.lower998)).toBeLessThan(1 / n);
    }
  });

  it('puts both limits on a target of 0 or 1', () => {
    expect(funnelLimits(0, 10)).toEqual({ n: 10, lower95: 0, upper95: 0, lower998: 0, upper998: 0 });
    expect(funnelLimits(1, 10, { method: 'normal' })).toEqual({
      n: 10,
      lower95: 1,
      upper95: 1,
      lower998: 1,
      upper998: 1,
    });
  });
});

describe('funnelLimits, normal approximation', () => {
  // p0 +/- z sqrt(p0 (1 - p0) / n): sqrt(0.21 / 10000) = 0.00458258, z = 1.959964 (95%) and 3.090232 (99.8%).
  it('is p0 +/- z sqrt(p0 (1 - p0) / n)', () => {
    const limits = funnelLimits(0.3, 10_000, { method: 'normal' });
    expect(limits.lower95).toBeCloseTo(0.3 - 1.959964 * 0.00458258, 6);
    expect(limits.upper95).toBeCloseTo(0.3 + 1.959964 * 0.00458258, 6);
    expect(limits.lower998).toBeCloseTo(0.3 - 3.090232 * 0.00458258, 6);
    expect(limits.upper998).toBeCloseTo(0.3 + 3.090232 * 0.00458258, 6);
  });

  it('is clamped to [0, 1] where n is small', () => {
    const limits = funnelLimits(0.1, 4, { method: 'normal' });
    expect(limits.lower95).toBe(0);
    expect(limits.upper998).toBeCloseTo(0.1 + 3.090232 * 0.15, 5);
  });

  // The exact limits differ by the binomial's skew, (z^2 - 1)(1 - 2 p0) / 6n (1.1e-4 at p0 = 0.9, 99.8%), and by up
  // to one unit of interpolation: within 2/n.
  it.each([0.3, 0.05, 0.9])('agrees with the exact limits to within two units in n = 10,000 (p0 = %p)', (target) => {
    const exact = funnelLimits(target, 10_000, { method: 'exact' });
    const normal = funnelLimits(target, 10_000, { method: 'normal' });
    for (const key of ['lower95', 'upper95', 'lower998', 'upper998'] as const) {
      expect(Math.abs(exact[key] - normal[key])).toBeLessThan(2 / 10_000);
    }
  });

  it('is too narrow on the long tail where n is small and p0 far from 1/2', () => {
    const exact = funnelLimits(0.1, 20);
    const normal = funnelLimits(0.1, 20, { method: 'normal' });
    expect(exact.upper998 - normal.upper998).toBeGreaterThan(0.02);
  });
});

describe('funnelCurve', () => {
  it('spreads the denominators on a log scale, both ends included, without repeats', () => {
    const curve = funnelCurve(0.5, 10, 1000, { points: 3 });
    expect(curve.map((limits) => limits.n)).toEqual([10, 100, 1000]);
    expect(curve[1]).toEqual(funnelLimits(0.5, 100));
  });

  it('refuses an empty range', () => {
    expect(() => funnelCurve(0.5, 100, 10)).toThrow(RangeError);
  });
});

describe('classifyFunnelRate', () => {
  const limits = funnelLimits(0.5, 10);

  it('places a rate below, within or above each pair of limits', () => {
    expect(classifyFunnelRate(0, limits)).toEqual({ at95: 'below', at998: 'below' });
    expect(classifyFunnelRate(0.1, limits)).toEqual({ at95: 'below', at998: 'within' });
    expect(classifyFunnelRate(0.5, limits)).toEqual({ at95: 'within', at998: 'within' });
    expect(classifyFunnelRate(0.8, limits)).toEqual({ at95: 'above', at998: 'within' });
    expect(classifyFunnelRate(0.9, limits)).toEqual({ at95: 'above', at998: 'above' });
  });

  it('counts a rate on a limit as within', () => {
    expect(classifyFunnelRate(limits.upper95, limits).at95).toBe('within');
  });

  it('refuses what is not a proportion', () => {
    expect(() => funnelLimits(1.2, 10)).toThrow(RangeError);
    expect(() => funnelLimits(0.5, 0)).toThrow(RangeError);
    expect(() => classifyFunnelRate(Number.NaN, limits)).toThrow(RangeError);
  });
});
