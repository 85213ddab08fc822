import fc from 'fast-check';
import { medianOf } from './percentile';

/** The definition: the sorted values, the two rows around 0.5 * (n - 1), float8 lerp between them. */
function sortedMedian(values: readonly number[]): number | null {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return null;
  const position = 0.5 * (sorted.length - 1);
  const [low, high] = [sorted[Math.floor(position)], sorted[Math.ceil(position)]];
  return low + (position - Math.floor(position)) * (high - low);
}

describe('medianOf (percentile_cont(0.5) by selection)', () => {
  it('gives the median of the sorted values, many repeated ones among them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
          maxLength: 3000,
        }),
        (values) => {
          expect(medianOf(Float64Array.from(values))).toBe(sortedMedian(values));
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('lerps as PostgreSQL does, lo + 0.5 * (hi - lo), and is null over no values', () => {
    // 0.4, where (0.1 + 0.7) / 2 gives 0.39999999999999997.
    expect(medianOf(Float64Array.from([0.7, 0.1]))).toBe(0.1 + 0.5 * (0.7 - 0.1));
    expect(medianOf(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(medianOf(Float64Array.from([96, 10, 45, 31]))).toBe(38);
    expect(medianOf(new Float64Array(0))).toBeNull();
  });
});
