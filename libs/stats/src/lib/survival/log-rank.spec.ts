import { column, expectMatchesPrinted, expectRelativelyClose, readReferenceTable } from '../../testing/reference-data';
import { logRank } from './log-rank';

describe('logRank', () => {
  // R survdiff(Surv(time, status) ~ x, aml): chi-square 3.396389 on 1 df, p 0.065339 (README, 7 and 6
  // significant digits); O = 7, 11 and E = 10.69, 7.31 as printed.
  it('matches R survdiff on aml', () => {
    const aml = readReferenceTable('aml.csv');
    const result = logRank(column(aml, 'time'), column(aml, 'cens'), column(aml, 'group'));
    expectRelativelyClose(result.chiSquare, 3.396389, 1e-6);
    expectRelativelyClose(result.p, 0.065339, 1e-5);
    expect(result.df).toBe(1);
    expect(result.groups).toEqual([1, 2]);
    expect(result.observed).toEqual([7, 11]);
    expectMatchesPrinted(result.expected[0], 10.69, 2);
    expectMatchesPrinted(result.expected[1], 7.31, 2);
    expect(result.expected[0] + result.expected[1]).toBeCloseTo(18, 10);
  });

  // R prints chi-square 10.3, p 0.00131 (README). The full-precision values 10.326741954885637 and
  // 0.0013111645203554825 were computed independently with scipy 1.17's scipy.stats.logrank, which gives
  // 3.396388698977599 on aml, i.e. R's survdiff.
  it('matches survdiff on lung by sex', () => {
    const lung = readReferenceTable('lung_lifelines.csv');
    const result = logRank(column(lung, 'time'), column(lung, 'status'), column(lung, 'sex'));
    expectMatchesPrinted(result.chiSquare, 10.3, 1);
    expectMatchesPrinted(result.p, 0.00131, 5);
    expectRelativelyClose(result.chiSquare, 10.326741954885637, 1e-9);
    expectRelativelyClose(result.p, 0.0013111645203554825, 1e-7);
  });

  it('gives the same test from counted (time, event, group) triples as from the subjects (lung by sex)', () => {
    const lung = readReferenceTable('lung_lifelines.csv');
    const time = column(lung, 'time');
    const event = column(lung, 'status');
    const sex = column(lung, 'sex');
    const tally = new Map<string, { time: number; event: number; sex: number; count: number }>();
    time.forEach((t, i) => {
      const key = `${t}:${event[i]}:${sex[i]}`;
      const cell = tally.get(key) ?? { time: t, event: event[i], sex: sex[i], count: 0 };
      cell.count++;
      tally.set(key, cell);
    });
    const cells = [...tally.values()];
    expect(cells.length).toBeLessThan(time.length);
    const counted = logRank(
      cells.map((cell) => cell.time),
      cells.map((cell) => cell.event),
      cells.map((cell) => cell.sex),
      cells.map((cell) => cell.count),
    );
    expect(counted).toEqual(logRank(time, event, sex));
    expectRelativelyClose(counted.chiSquare, 10.326741954885637, 1e-9);
    expect(() => logRank([1, 2], [1, 1], [1, 2], [1, -1])).toThrow(/counts\[1\] must be a positive integer/);
  });

  it('uses k - 1 degrees of freedom for k groups and accepts string labels', () => {
    const time = [5, 8, 9, 12, 13, 18, 23, 27, 30, 31, 33, 34, 43, 45, 48];
    const event = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0];
    const group = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c'];
    const result = logRank(time, event, group);
    expect(result.df).toBe(2);
    expect(result.groups).toEqual(['a', 'b', 'c']);
    expect(result.observed.reduce((a, b) => a + b, 0)).toBe(12);
    expect(result.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 10);
    expect(result.p).toBeGreaterThan(0);
    expect(result.p).toBeLessThanOrEqual(1);
  });

  it('rejects a single group and mismatched lengths', () => {
    expect(() => logRank([1, 2, 3], [1, 0, 1], [1, 1, 1])).toThrow(/at least 2 groups/);
    expect(() => logRank([1, 2, 3], [1, 0, 1], [1, 2])).toThrow(/same length/);
  });
});
