import {
  type Benchmark,
  benchmarkFor,
  benchmarkProblems,
  benchmarkStatus,
  type BenchmarkValue,
  isBenchmarkMetricId,
} from './benchmarks';

describe('benchmarkStatus', () => {
  it('higher is better: at or above the reference meets it, under it is below', () => {
    // Completion 0.40 against TEDS 2004's 43,119 / 114,440 = 0.376782...: above, so it meets.
    expect(benchmarkStatus(0.4, 43119 / 114440, 'higher')).toBe('meets');
    expect(benchmarkStatus(0.35, 43119 / 114440, 'higher')).toBe('below');
    // 8.5 attended hours a week against the ASAM 2.1 floor of 9: below; exactly 9 meets it.
    expect(benchmarkStatus(8.5, 9, 'higher')).toBe('below');
    expect(benchmarkStatus(9, 9, 'higher')).toBe('meets');
  });

  it('lower is better: at or under the reference meets it, over it is above', () => {
    // A readmission rate of 0.12 against a target of 0.10 is above it; 0.08 meets it.
    expect(benchmarkStatus(0.12, 0.1, 'lower')).toBe('above');
    expect(benchmarkStatus(0.08, 0.1, 'lower')).toBe('meets');
    expect(benchmarkStatus(0.1, 0.1, 'lower')).toBe('meets');
  });

  it('with no direction: above, below, or meets when equal', () => {
    // $480 a week against DATCAP's $462: above; $450: below.
    expect(benchmarkStatus(480, 462, 'neither')).toBe('above');
    expect(benchmarkStatus(450, 462, 'neither')).toBe('below');
    expect(benchmarkStatus(462, 462, 'neither')).toBe('meets');
  });

  it('compares at the precision shown: 0.3767 and 0.37678 are both 37.7% at one decimal of a percent', () => {
    expect(benchmarkStatus(0.3767, 0.37678, 'higher', 3)).toBe('meets');
    expect(benchmarkStatus(0.3767, 0.37678, 'higher')).toBe('below');
    // Floating point: 0.1 + 0.2 is not 0.3 in binary, but it is at six decimals.
    expect(benchmarkStatus(0.1 + 0.2, 0.3, 'neither')).toBe('meets');
  });
});

const valid: BenchmarkValue = {
  metric: 'completionRate',
  value: 0.377,
  direction: 'higher',
  source: 'TEDS 2004',
  year: 2004,
  comparable: true,
  notComparableReason: null,
};

describe('benchmarkProblems', () => {
  it('accepts a comparable benchmark with a value, and a non-comparable one with a reason and no value', () => {
    expect(benchmarkProblems(valid)).toEqual([]);
    expect(
      benchmarkProblems({ ...valid, value: null, comparable: false, notComparableReason: 'Other population' }),
    ).toEqual([]);
  });

  it('names each inconsistency', () => {
    expect(benchmarkProblems({ ...valid, value: null })).toEqual(['a comparable benchmark needs a value']);
    expect(benchmarkProblems({ ...valid, notComparableReason: 'x' })).toEqual([
      'notComparableReason must be null when the benchmark is comparable',
    ]);
    expect(benchmarkProblems({ ...valid, comparable: false, notComparableReason: '  ' })).toEqual([
      'a benchmark that is not comparable must say why (notComparableReason)',
    ]);
  });
});

describe('benchmarkFor', () => {
  const make = (id: number, year: number, comparable: boolean): Benchmark => ({
    ...valid,
    id,
    year,
    comparable,
    notComparableReason: comparable ? null : 'Other population',
    updatedBy: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  });

  it('prefers a comparable benchmark, then the most recent year', () => {
    const list = [make(1, 2019, false), make(2, 2004, true), make(3, 2010, true)];
    expect(benchmarkFor(list, 'completionRate')?.id).toBe(3);
    expect(benchmarkFor([make(1, 2019, false)], 'completionRate')?.id).toBe(1);
    expect(benchmarkFor(list, 'attendanceRate')).toBeNull();
  });

  it('knows the metrics a benchmark may be kept for', () => {
    expect(['completionRate', 'costPerWeek', 'fui-30', 'attendedHoursPerWeek'].every(isBenchmarkMetricId)).toBe(true);
    expect(isBenchmarkMetricId('verdict')).toBe(false);
  });
});
