/** The Wilson score interval by its formula (z = qnorm(0.975)), independent of @iop/stats: expected values. */
export function wilson(successes: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A RateValue: exact numerator and denominator; rate and Wilson interval (by the formula above) to 12 digits. */
export function expectWilsonRate(actual: unknown, numerator: number, denominator: number): void {
  const rate = actual as { numerator: number; denominator: number; rate: number | null; ci95: number[] | null };
  expect([rate.numerator, rate.denominator]).toEqual([numerator, denominator]);
  if (denominator === 0) {
    expect([rate.rate, rate.ci95]).toEqual([null, null]);
    return;
  }
  const [lower, upper] = wilson(numerator, denominator);
  expect(rate.rate).toBeCloseTo(numerator / denominator, 12);
  expect(rate.ci95?.[0]).toBeCloseTo(lower, 12);
  expect(rate.ci95?.[1]).toBeCloseTo(upper, 12);
}
