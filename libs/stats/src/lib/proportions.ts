import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3), the interval
 * R's binom.confint(method = "wilson") gives. Unlike the Wald interval it stays inside [0, 1] and keeps
 * its coverage for small n and for proportions near 0 or 1, which is where small programs live.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in 0..${n}, got ${successes}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds are exactly 0 and 1 at the extremes; rounding must not push them past.
  const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return [lower, upper];
}
