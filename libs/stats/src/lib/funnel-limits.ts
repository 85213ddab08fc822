import { binomialCdf, binomialQuantile, normalCriticalValue } from './distributions';

/**
 * Control limits of a funnel plot for a proportion (Spiegelhalter 2005, "Funnel plots for comparing institutional
 * performance", Stat Med 24:1185-1202): where a unit of denominator n would fall, with probability 95% and 99.8%,
 * if its true rate were the target p0.
 *
 * - 'exact' (the paper's appendix A.1.1): the binomial quantile r_p of Bin(n, p0), interpolated so that the limit
 *   is continuous in n: alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)) and the limit is (r_p - alpha) / n.
 * - 'normal': p0 +/- z sqrt(p0 (1 - p0) / n), the approximation the paper gives for large n.
 *
 * Both are clamped to [0, 1]: a rate cannot leave it, and for small n the formulas can.
 */
export type FunnelMethod = 'exact' | 'normal';

export interface FunnelLimitsOptions {
  /** 'exact' unless told: it is right for every n, and the normal limits are wrong where units are small. */
  method?: FunnelMethod;
}

export interface FunnelLimits {
  n: number;
  /** 95% limits: the 2.5% and 97.5% points. */
  lower95: number;
  upper95: number;
  /** 99.8% limits: the 0.1% and 99.9% points (about three standard errors). */
  lower998: number;
  upper998: number;
}

/** Where an observed rate lies against one pair of limits. */
export type FunnelPosition = 'below' | 'within' | 'above';

export interface FunnelClassification {
  at95: FunnelPosition;
  at998: FunnelPosition;
}

const LOWER_95 = 0.025;
const UPPER_95 = 0.975;
const LOWER_998 = 0.001;
const UPPER_998 = 0.999;

function assertTarget(target: number): void {
  if (typeof target !== 'number' || !(target >= 0 && target <= 1)) {
    throw new RangeError(`target must be a proportion in [0, 1], got ${String(target)}`);
  }
}

function assertDenominator(n: number): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive integer, got ${String(n)}`);
}

function clampToUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** The p-th point of Bin(n, p0) on the rate scale, interpolated as in Spiegelhalter's appendix. */
function exactLimit(probability: number, target: number, n: number): number {
  const r = binomialQuantile(probability, n, target);
  const atR = binomialCdf(r, n, target);
  const belowR = r === 0 ? 0 : binomialCdf(r - 1, n, target);
  const alpha = (atR - probability) / (atR - belowR);
  return clampToUnit((r - alpha) / n);
}

function normalLimit(probability: number, target: number, n: number): number {
  const z = normalCriticalValue(1 - 2 * Math.min(probability, 1 - probability));
  const sign = probability < 0.5 ? -1 : 1;
  return clampToUnit(target + sign * z * Math.sqrt((target * (1 - target)) / n));
}

/** The 95% and 99.8% limits around the target rate p0 for a unit whose denominator is n. */
export function funnelLimits(target: number, n: number, options: FunnelLimitsOptions = {}): FunnelLimits {
  assertTarget(target);
  assertDenominator(n);
  const method = options.method ?? 'exact';
  if (method !== 'exact' && method !== 'normal') {
    throw new RangeError(`method must be 'exact' or 'normal', got ${String(method)}`);
  }
  // A target of 0 or 1 leaves no room for chance: every unit should sit on it.
  if (target === 0 || target === 1) return { n, lower95: target, upper95: target, lower998: target, upper998: target };
  const limit = method === 'exact' ? exactLimit : normalLimit;
  return {
    n,
    lower95: limit(LOWER_95, target, n),
    upper95: limit(UPPER_95, target, n),
    lower998: limit(LOWER_998, target, n),
    upper998: limit(UPPER_998, target, n),
  };
}

/**
 * The limits at denominators spread from nMin to nMax for drawing the funnel: every integer while the step
 * is small (the exact limits wiggle there), then about evenly on a log scale, always including both ends.
 */
export function funnelCurve(
  target: number,
  nMin: number,
  nMax: number,
  options: FunnelLimitsOptions & { points?: number } = {},
): FunnelLimits[] {
  assertDenominator(nMin);
  assertDenominator(nMax);
  if (nMax < nMin) throw new RangeError(`nMax must be at least nMin, got ${nMin} and ${nMax}`);
  const points = options.points ?? 60;
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`points must be an integer >= 2, got ${points}`);
  const ratio = Math.pow(nMax / nMin, 1 / (points - 1));
  const denominators = new Set<number>();
  for (let i = 0; i < points; i++) denominators.add(Math.round(nMin * Math.pow(ratio, i)));
  denominators.add(nMax);
  return [...denominators].sort((a, b) => a - b).map((n) => funnelLimits(target, n, options));
}

function position(rate: number, lower: number, upper: number): FunnelPosition {
  if (rate > upper) return 'above';
  if (rate < lower) return 'below';
  return 'within';
}

/** Whether an observed rate lies below, within or above the 95% and the 99.8% limits (a limit itself is within). */
export function classifyFunnelRate(rate: number, limits: FunnelLimits): FunnelClassification {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new RangeError(`rate must be a proportion in [0, 1], got ${String(rate)}`);
  }
  return {
    at95: position(rate, limits.lower95, limits.upper95),
    at998: position(rate, limits.lower998, limits.upper998),
  };
}
