import type { Rng } from './rng';

/**
 * Small samplers over an Rng. Each takes the stream first so that the order of draws (and with it the
 * output for a seed) is visible at the call site.
 */

export function bernoulli(rng: Rng, probability: number): boolean {
  return rng.uniform() < probability;
}

/** Integer uniform on [min, max], both included. */
export function integerBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.uniform() * (max - min + 1));
}

export function uniformBetween(rng: Rng, min: number, max: number): number {
  return min + rng.uniform() * (max - min);
}

/** Standard normal by the Box-Muller transform (one of the pair is used: simpler, and speed is not at stake). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.uniform(); // (0, 1]: log(0) must not happen
  const u2 = rng.uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/** Log-normal given the median and the sd of the log (median = exp(mu)). */
export function logNormal(rng: Rng, median: number, sdLog: number): number {
  return median * Math.exp(sdLog * standardNormal(rng));
}

/** Exponential with the given rate (events per unit time). */
export function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng.uniform()) / rate;
}

/** Poisson by inversion (Knuth's product method is slower for the means used here, which are below 30). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  let k = 0;
  let probability = Math.exp(-mean);
  let cumulative = probability;
  const u = rng.uniform();
  while (u > cumulative && k < 1000) {
    k++;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

/** Gamma(shape, scale) by Marsaglia and Tsang (2000); shape < 1 through the boost u^(1/shape). */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Negative binomial as a gamma-Poisson mixture: mean `mean`, variance mean + mean^2 / dispersion. */
export function negativeBinomial(rng: Rng, mean: number, dispersion: number): number {
  return poisson(rng, gamma(rng, dispersion, mean / dispersion));
}

/** One of the keys of `weights`, with probability proportional to its weight. */
export function categorical<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>): K {
  const keys = Object.keys(weights) as K[];
  let total = 0;
  for (const key of keys) total += weights[key];
  let u = rng.uniform() * total;
  for (const key of keys) {
    u -= weights[key];
    if (u < 0) return key;
  }
  return keys[keys.length - 1];
}

/** One element of a list, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.uniform() * items.length)];
}

/** An index with probability proportional to weights[index]. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let u = rng.uniform() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Inverse logit. */
export function expit(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}
