import { pearson } from './correlation';
import { linearRegression } from './linear-regression';
import { logisticRegression } from './logistic-regression';
import { NotEstimableError, type NotEstimableReason } from './not-estimable';
import { rowMajorMatrix } from './row-major-matrix';
import { kaplanMeier } from './survival/kaplan-meier';
import { logRank } from './survival/log-rank';

/** The reason of the NotEstimableError that `fit` throws (fails the test if it throws anything else). */
function reasonOf(fit: () => unknown): NotEstimableReason {
  try {
    fit();
  } catch (error) {
    expect(error).toBeInstanceOf(NotEstimableError);
    return (error as NotEstimableError).reason;
  }
  throw new Error('expected a NotEstimableError');
}

describe('NotEstimableError: the data cannot support the model', () => {
  it('is a RangeError named NotEstimableError, so callers that caught RangeError still do', () => {
    const error = new NotEstimableError('separation', 'separated');
    expect(error).toBeInstanceOf(RangeError);
    expect(error.name).toBe('NotEstimableError');
    expect(error.reason).toBe('separation');
  });

  it('linear regression: no rows, too few rows, a rank-deficient design, a constant outcome', () => {
    expect(reasonOf(() => linearRegression([], []))).toBe('too-few-observations');
    expect(reasonOf(() => linearRegression([], rowMajorMatrix([], 1)))).toBe('too-few-observations');
    expect(reasonOf(() => linearRegression([1, 2], [[1], [2]]))).toBe('too-few-observations');
    expect(
      reasonOf(() =>
        linearRegression(
          [1, 2, 4, 3],
          [
            [1, 2],
            [2, 4],
            [3, 6],
            [4, 8],
          ],
        ),
      ),
    ).toBe('singular-design');
    expect(reasonOf(() => linearRegression([1, 1, 1, 1], [[1], [2], [3], [5]]))).toBe('no-variation');
  });

  it('logistic regression: a rank-deficient design', () => {
    expect(
      reasonOf(() =>
        logisticRegression(
          [0, 1, 0, 1, 1],
          [
            [1, 1],
            [2, 2],
            [3, 3],
            [4, 4],
            [5, 5],
          ],
        ),
      ),
    ).toBe('singular-design');
  });

  it('correlation, log-rank and Kaplan-Meier: too few values, no variation, a single group', () => {
    expect(reasonOf(() => pearson([1, 2, 3], [1, 2, 4]))).toBe('too-few-observations');
    expect(reasonOf(() => pearson([1, 1, 1, 1], [1, 2, 3, 4]))).toBe('no-variation');
    expect(reasonOf(() => logRank([1, 2, 3], [1, 0, 1], ['a', 'a', 'a']))).toBe('no-variation');
    expect(reasonOf(() => kaplanMeier([], []))).toBe('too-few-observations');
  });

  it('leaves a caller error (a NaN, lengths that differ) a plain RangeError', () => {
    for (const call of [
      () => linearRegression([1, NaN, 3, 4], [[1], [2], [3], [4]]),
      () => linearRegression([1, 2, 3], [[1], [2]]),
      () => pearson([1, 2, 3, 4], [1, 2, 3]),
    ]) {
      expect(call).toThrow(RangeError);
      expect(call).not.toThrow(NotEstimableError);
    }
  });
});
