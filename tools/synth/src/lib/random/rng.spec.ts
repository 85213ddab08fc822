import { Rng } from './rng';
import { bernoulli, categorical, gamma, logNormal, negativeBinomial, normal, poisson, weightedIndex } from './samplers';

const draw = (count: number, sample: () => number): number[] => Array.from({ length: count }, sample);
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: number[]): number => {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
};

describe('Rng', () => {
  it('gives the same sequence for the same seed, name and index', () => {
    const a = Rng.stream(7, 'patient', 42);
    const b = Rng.stream(7, 'patient', 42);
    expect(draw(20, () => a.uniform())).toEqual(draw(20, () => b.uniform()));
  });

  it('gives different sequences for a different seed, name or index', () => {
    const first = (seed: number, name: string, index: number): number[] => {
      const rng = Rng.stream(seed, name, index);
      return draw(4, () => rng.uniform());
    };
    const base = first(7, 'patient', 42);
    expect(first(8, 'patient', 42)).not.toEqual(base);
    expect(first(7, 'network', 42)).not.toEqual(base);
    expect(first(7, 'patient', 43)).not.toEqual(base);
  });

  it('draws uniforms on [0, 1) with the moments of the uniform distribution', () => {
    const rng = Rng.stream(1, 'test');
    const values = draw(50_000, () => rng.uniform());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean(values)).toBeCloseTo(0.5, 2);
    expect(variance(values)).toBeCloseTo(1 / 12, 2);
  });

  it('keeps neighbouring streams uncorrelated (one stream per patient index)', () => {
    const firstDraws = Array.from({ length: 20_000 }, (_, index) => Rng.stream(3, 'patient', index).uniform());
    const x = firstDraws.slice(0, -1);
    const y = firstDraws.slice(1);
    const mx = mean(x);
    const my = mean(y);
    const covariance = x.reduce((sum, value, i) => sum + (value - mx) * (y[i] - my), 0) / x.length;
    expect(Math.abs(covariance / Math.sqrt(variance(x) * variance(y)))).toBeLessThan(0.03);
    expect(mean(firstDraws)).toBeCloseTo(0.5, 1);
  });
});

describe('samplers', () => {
  const rng = Rng.stream(20260630, 'samplers');
  const n = 40_000;

  it('normal (Box-Muller) has the asked mean and sd', () => {
    const values = draw(n, () => normal(rng, 3, 2));
    expect(mean(values)).toBeCloseTo(3, 1);
    expect(Math.sqrt(variance(values))).toBeCloseTo(2, 1);
  });

  it('log-normal has the asked median', () => {
    const values = draw(n, () => logNormal(rng, 5, 0.5)).sort((a, b) => a - b);
    expect(values[n / 2]).toBeCloseTo(5, 0);
  });

  it('poisson has mean and variance equal to its mean', () => {
    const values = draw(n, () => poisson(rng, 2.5));
    expect(mean(values)).toBeCloseTo(2.5, 1);
    expect(variance(values)).toBeCloseTo(2.5, 1);
    expect(values.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
  });

  it('gamma has mean shape x scale and variance shape x scale^2, also for shape < 1', () => {
    const large = draw(n, () => gamma(rng, 3, 2));
    expect(mean(large)).toBeCloseTo(6, 0);
    expect(variance(large) / 12).toBeCloseTo(1, 1);
    const small = draw(n, () => gamma(rng, 0.5, 1));
    expect(mean(small)).toBeCloseTo(0.5, 1);
  });

  it('negative binomial has variance mean + mean^2 / dispersion', () => {
    const values = draw(n, () => negativeBinomial(rng, 2, 2));
    expect(mean(values)).toBeCloseTo(2, 1);
    expect(variance(values) / 4).toBeCloseTo(1, 1);
  });

  it('bernoulli, categorical and weightedIndex follow their weights', () => {
    expect(mean(draw(n, () => (bernoulli(rng, 0.3) ? 1 : 0)))).toBeCloseTo(0.3, 1);
    const picks = draw(n, () => (categorical(rng, { a: 1, b: 3 }) === 'b' ? 1 : 0));
    expect(mean(picks)).toBeCloseTo(0.75, 1);
    const indexes = draw(n, () => weightedIndex(rng, [0, 1, 1]));
    expect(indexes.includes(0)).toBe(false);
    expect(mean(indexes)).toBeCloseTo(1.5, 1);
  });
});
