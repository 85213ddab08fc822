import { column, expectRelativelyClose, readReferenceTable } from '../testing/reference-data';
import { pearson } from './correlation';

describe('pearson', () => {
  const longley = readReferenceTable('longley_statsmodels.csv');

  // R: cor.test(longley$GNP, longley$Employed). R is not available here, so the expected numbers were
  // computed independently with scipy 1.17 (scipy.stats.pearsonr, t = r sqrt(df / (1 - r^2)), Fisher-z
  // interval with scipy.stats.norm.ppf); they agree with R's printed t = 20.374, p = 8.363e-12,
  // CI 0.9519914 0.9944238, cor 0.9835516.
  it('matches cor.test on Longley GNP vs employment to 1e-9 relative', () => {
    const result = pearson(column(longley, 'GNP'), column(longley, 'TOTEMP'));
    expectRelativelyClose(result.r, 0.9835516111796694, 1e-9);
    expectRelativelyClose(result.t, 20.374067357079944, 1e-9);
    expect(result.df).toBe(14);
    expect(result.n).toBe(16);
    expectRelativelyClose(result.p, 8.36347878786515e-12, 1e-6);
    expectRelativelyClose(result.ci[0], 0.951991359000485, 1e-9);
    expectRelativelyClose(result.ci[1], 0.9944238345515606, 1e-9);
  });

  it('matches a weak negative correlation (Longley UNEMP vs ARMED, scipy) to 1e-9 relative', () => {
    const result = pearson(column(longley, 'UNEMP'), column(longley, 'ARMED'));
    expectRelativelyClose(result.r, -0.1774206295018784, 1e-9);
    expectRelativelyClose(result.t, -0.6745488503702117, 1e-9);
    expectRelativelyClose(result.p, 0.5109485863234522, 1e-9);
    expectRelativelyClose(result.ci[0], -0.6187113186902979, 1e-9);
    expectRelativelyClose(result.ci[1], 0.3489766187064245, 1e-9);
  });

  it('is exactly +/-1 with p = 0 for a perfectly linear relation', () => {
    const result = pearson([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]);
    expect(result.r).toBe(-1);
    expect(result.p).toBe(0);
    expect(result.ci).toEqual([-1, -1]);
  });

  it('rejects unequal lengths, non-finite values, too few pairs and constant inputs', () => {
    expect(() => pearson([1, 2, 3, 4], [1, 2, 3])).toThrow(/same length/);
    expect(() => pearson([1, 2, NaN, 4], [1, 2, 3, 4])).toThrow(/x\[2\] must be a finite number/);
    expect(() => pearson([1, 2, 3], [1, 2, 4])).toThrow(/at least 4/);
    expect(() => pearson([1, 1, 1, 1], [1, 2, 3, 4])).toThrow(/x is constant/);
  });
});
