import { column, expectRelativelyClose, readReferenceTable } from '../testing/reference-data';
import { logisticRegression } from './logistic-regression';
import { NotEstimableError } from './not-estimable';

describe('logisticRegression', () => {
  // Spector and Mazzeo (1980), GRADE ~ GPA + TUCE + PSI; Stata's published results. A fully converged fit
  // differs from Stata's at about 1e-6 relative (Stata stops earlier), hence 1e-5.
  it('matches Stata on the Spector data to 1e-5 relative', () => {
    const spector = readReferenceTable('spector_statsmodels.csv', 'whitespace');
    const gpa = column(spector, 'GPA');
    const tuce = column(spector, 'TUCE');
    const psi = column(spector, 'PSI');
    const fit = logisticRegression(
      column(spector, 'GRADE'),
      gpa.map((_, i) => [gpa[i], tuce[i], psi[i]]),
    );
    const coefficients = [-13.0213483201, 2.82611297201, 0.0951576702557, 2.37868772835];
    const standardErrors = [4.93132462871, 1.26294114526, 0.141554207662, 1.06456430165];
    coefficients.forEach((value, i) => expectRelativelyClose(fit.coefficients[i], value, 1e-5));
    standardErrors.forEach((value, i) => expectRelativelyClose(fit.standardErrors[i], value, 1e-5));
    expectRelativelyClose(fit.logLikelihood, -12.8896334653335, 1e-5);
    fit.coefficients.forEach((b, i) => {
      expectRelativelyClose(fit.oddsRatios[i], Math.exp(b), 1e-12);
      const z = 1.959963984540054;
      expectRelativelyClose(fit.oddsRatioCi[i][0], Math.exp(b - z * fit.standardErrors[i]), 1e-9);
      expectRelativelyClose(fit.oddsRatioCi[i][1], Math.exp(b + z * fit.standardErrors[i]), 1e-9);
    });
  });

  /** The reason of the NotEstimableError that `fit` throws (fails the test if it throws anything else). */
  function notEstimableReason(fit: () => unknown): string {
    try {
      fit();
    } catch (error) {
      expect(error).toBeInstanceOf(NotEstimableError);
      return (error as NotEstimableError).reason;
    }
    throw new Error('expected a NotEstimableError');
  }

  it('throws NotEstimableError on complete separation instead of returning huge coefficients as estimates', () => {
    expect(notEstimableReason(() => logisticRegression([0, 0, 0, 1, 1, 1], [[1], [2], [3], [4], [5], [6]]))).toBe(
      'separation',
    );
  });

  it('throws NotEstimableError on quasi-complete separation', () => {
    expect(
      notEstimableReason(() => logisticRegression([0, 0, 1, 0, 1, 1, 1], [[1], [2], [3], [3], [3], [4], [5]])),
    ).toBe('separation');
  });

  it('throws NotEstimableError for a single outcome class and too few rows', () => {
    expect(notEstimableReason(() => logisticRegression([1, 1, 1, 1], [[1], [2], [3], [4]]))).toBe('no-variation');
    expect(notEstimableReason(() => logisticRegression([0, 1], [[1], [2]]))).toBe('too-few-observations');
    expect(() => logisticRegression([1, 1, 1, 1], [[1], [2], [3], [4]])).toThrow(/both 0s and 1s/);
  });

  it('rejects non-binary outcomes and mismatched lengths as plain RangeErrors (a caller error, not the data)', () => {
    for (const call of [
      () => logisticRegression([0, 1, 2, 1], [[1], [2], [3], [4]]),
      () => logisticRegression([0, 1, 1], [[1], [2]]),
    ]) {
      expect(call).toThrow(RangeError);
      expect(call).not.toThrow(NotEstimableError);
    }
    expect(() => logisticRegression([0, 1, 2, 1], [[1], [2], [3], [4]])).toThrow(/y\[2\] must be 0 or 1/);
    expect(() => logisticRegression([0, 1, 1], [[1], [2]])).toThrow(/same length/);
  });
});
