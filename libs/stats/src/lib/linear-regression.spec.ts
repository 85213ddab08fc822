import { column, expectRelativelyClose, readReferenceTable } from '../testing/reference-data';
import { linearRegression } from './linear-regression';

describe('linearRegression', () => {
  // NIST StRD certified values (README of the reference data).
  it('matches the NIST Norris certified values to 1e-10 relative', () => {
    const norris = readReferenceTable('norris_nist.csv');
    const fit = linearRegression(
      column(norris, 'y'),
      column(norris, 'x').map((x) => [x]),
    );
    expect(fit.n).toBe(36);
    expectRelativelyClose(fit.coefficients[0], -0.262323073774029, 1e-10);
    expectRelativelyClose(fit.coefficients[1], 1.00211681802045, 1e-10);
    expectRelativelyClose(fit.standardErrors[0], 0.232818234301152, 1e-10);
    expectRelativelyClose(fit.standardErrors[1], 0.429796848199937e-3, 1e-10);
    expectRelativelyClose(fit.residualStdError, 0.884796396144373, 1e-10);
    expectRelativelyClose(fit.rSquared, 0.999993745883712, 1e-12);
  });

  // QR reproduces the certified coefficients to about 1e-13; 1e-11 leaves room for platform rounding.
  it('matches the NIST Longley certified coefficients (ill-conditioned) to 1e-11 relative', () => {
    const longley = readReferenceTable('longley_statsmodels.csv');
    const predictors = ['GNPDEFL', 'GNP', 'UNEMP', 'ARMED', 'POP', 'YEAR'];
    const X = column(longley, 'TOTEMP').map((_, i) => predictors.map((name) => column(longley, name)[i]));
    const fit = linearRegression(column(longley, 'TOTEMP'), X);
    const certified = [
      -3482258.63459582, 15.0618722713733, -0.035819179292591, -2.02022980381683, -1.03322686717359,
      -0.0511041056535807, 1829.15146461355,
    ];
    certified.forEach((value, i) => expectRelativelyClose(fit.coefficients[i], value, 1e-11));
    expectRelativelyClose(fit.rSquared, 0.995479004577296, 1e-10);
  });

  it('gives t intervals: b -/+ t(0.975, n - p) se', () => {
    const fit = linearRegression([1, 3, 2, 5, 4, 6], [[1], [2], [3], [4], [5], [6]]);
    const width = fit.ci[1][1] - fit.coefficients[1];
    // qt(0.975, 4) = 2.776445105197793
    expectRelativelyClose(width / fit.standardErrors[1], 2.776445105197793, 1e-9);
  });

  it('rejects mismatched, too-short, ragged and collinear input', () => {
    expect(() => linearRegression([1, 2, 3], [[1], [2]])).toThrow(/same length/);
    expect(() => linearRegression([1, 2], [[1], [2]])).toThrow(/more observations/);
    expect(() => linearRegression([1, 2, 3, 4], [[1, 2], [2], [3, 1], [4, 4]])).toThrow(/X\[1\]/);
    expect(() =>
      linearRegression(
        [1, 2, 3, 5],
        [
          [1, 2],
          [2, 4],
          [3, 6],
          [4, 8],
        ],
      ),
    ).toThrow(/rank deficient/);
    expect(() => linearRegression([1, 2, Infinity, 5], [[1], [2], [3], [4]])).toThrow(/y\[2\]/);
  });
});
