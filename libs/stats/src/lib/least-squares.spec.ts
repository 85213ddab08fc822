import { column, expectRelativelyClose, readReferenceTable } from '../testing/reference-data';
import { linearRegression } from './linear-regression';
import { logisticRegression } from './logistic-regression';
import { crossProducts, MAX_NORMAL_EQUATIONS_CONDITION, solveNormalEquations, sparseRows } from './normal-equations';
import { rowMajorMatrix, type CompressedRows } from './row-major-matrix';
import { coxRegression } from './survival/cox-regression';

/** Condition number of X'X (intercept included) scaled to unit diagonal, whatever the threshold. */
function scaledCondition(X: number[][], y: number[]): number {
  return solveNormalEquations(crossProducts(sparseRows(X, true), y), Infinity)?.condition ?? Infinity;
}

/** A deterministic pseudo-random sequence in [0, 1) (no Math.random in tests). */
function uniform(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  });
}

describe('least squares: normal equations with a QR fallback', () => {
  const longley = readReferenceTable('longley_statsmodels.csv');
  const longleyX = column(longley, 'TOTEMP').map((_, i) =>
    ['GNPDEFL', 'GNP', 'UNEMP', 'ARMED', 'POP', 'YEAR'].map((name) => column(longley, name)[i]),
  );
  const longleyY = column(longley, 'TOTEMP');

  it('solves a well-conditioned design by the normal equations, agreeing with QR to 1e-12', () => {
    const norris = readReferenceTable('norris_nist.csv');
    const X = column(norris, 'x').map((x) => [x]);
    const y = column(norris, 'y');
    const fast = linearRegression(y, X);
    const qr = linearRegression(y, X, 0.95, 'qr');
    expect(fast.solver).toBe('normal-equations');
    expect(qr.solver).toBe('qr');
    fast.coefficients.forEach((b, i) => expectRelativelyClose(b, qr.coefficients[i], 1e-12));
    fast.standardErrors.forEach((se, i) => expectRelativelyClose(se, qr.standardErrors[i], 1e-12));
    expectRelativelyClose(fast.rSquared, qr.rSquared, 1e-12);
  });

  // Longley: X'X scaled to unit diagonal still has a condition number near 2e9, so the normal equations would
  // keep about 7 of the certified digits; the check sends it to QR, which keeps them (linear-regression.spec.ts).
  it('falls back to QR on an ill-conditioned design (Longley) and answers exactly as QR does', () => {
    expect(scaledCondition(longleyX, longleyY)).toBeGreaterThan(1e9);
    const fit = linearRegression(longleyY, longleyX);
    expect(fit.solver).toBe('qr');
    expect(fit).toEqual(linearRegression(longleyY, longleyX, 0.95, 'qr'));
  });

  // Two nearly collinear predictors: ill-conditioned (condition number above 1e4 after scaling), yet under the
  // threshold, so solved by the normal equations; the two paths agree to the condition number x 1e-16 and more.
  it('agrees with QR on an ill-conditioned design below the threshold', () => {
    const noise = uniform(500, 7);
    const x = uniform(500, 11).map((value) => value * 10);
    const X = x.map((value, i) => [value, value + 0.1 * noise[i]]);
    const y = x.map((value, i) => 2 + 0.5 * value + noise[(i * 7) % 500]);
    const condition = scaledCondition(X, y);
    expect(condition).toBeGreaterThan(1e4);
    expect(condition).toBeLessThan(MAX_NORMAL_EQUATIONS_CONDITION);
    const fast = linearRegression(y, X);
    const qr = linearRegression(y, X, 0.95, 'qr');
    expect(fast.solver).toBe('normal-equations');
    fast.coefficients.forEach((b, i) => expectRelativelyClose(b, qr.coefficients[i], 1e-9));
    fast.standardErrors.forEach((se, i) => expectRelativelyClose(se, qr.standardErrors[i], 1e-9));
  });

  it('takes a row-major matrix as it takes arrays of rows, with the same answer and messages', () => {
    const matrix = rowMajorMatrix(longleyX);
    expect(linearRegression(longleyY, matrix)).toEqual(linearRegression(longleyY, longleyX));
    const broken = rowMajorMatrix(longleyX);
    broken.data[2 * 6 + 4] = NaN;
    expect(() => linearRegression(longleyY, broken)).toThrow(/X\[2\]\[4\] must be a finite number/);
    expect(() => linearRegression(longleyY.slice(1), matrix)).toThrow(/same length/);
  });

  it('still reports a rank-deficient design as QR does (the normal equations decline it)', () => {
    const X = [
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8],
      [5, 10],
    ];
    expect(() => linearRegression([1, 2, 3, 5, 4], X)).toThrow(/rank deficient/);
    expect(() => logisticRegression([0, 1, 0, 1, 1], X)).toThrow(/rank deficient/);
  });

  it('gives the same logistic regression through either solver on the Spector data', () => {
    const spector = readReferenceTable('spector_statsmodels.csv', 'whitespace');
    const X = column(spector, 'GPA').map((gpa, i) => [gpa, column(spector, 'TUCE')[i], column(spector, 'PSI')[i]]);
    const y = column(spector, 'GRADE');
    const fast = logisticRegression(y, X);
    const qr = logisticRegression(y, X, { solver: 'qr' });
    fast.coefficients.forEach((b, i) => expectRelativelyClose(b, qr.coefficients[i], 1e-10));
    fast.standardErrors.forEach((se, i) => expectRelativelyClose(se, qr.standardErrors[i], 1e-10));
  });

  it('gives the same Cox fit for a 0/1 design as rows or as a row-major matrix', () => {
    const aml = readReferenceTable('aml.csv');
    const X = column(aml, 'group').map((group) => [group === 2 ? 1 : 0]);
    const fromRows = coxRegression(column(aml, 'time'), column(aml, 'cens') as (0 | 1)[], X);
    const fromMatrix = coxRegression(column(aml, 'time'), column(aml, 'cens') as (0 | 1)[], rowMajorMatrix(X));
    expect(fromMatrix).toEqual(fromRows);
  });

  it('takes compressed rows (non-zeros only) with the same answers as dense rows', () => {
    const spector = readReferenceTable('spector_statsmodels.csv', 'whitespace');
    const X = column(spector, 'GPA').map((gpa, i) => [gpa, column(spector, 'TUCE')[i], column(spector, 'PSI')[i]]);
    const y = column(spector, 'GRADE');
    const entries = X.map((row) => row.flatMap((value, j) => (value === 0 ? [] : [[j, value]])));
    const compressed: CompressedRows = {
      rows: X.length,
      columns: 3,
      rowStarts: Int32Array.from([0, ...entries.map((_, i) => entries.slice(0, i + 1).flat().length)]),
      columnIndex: Int32Array.from(entries.flat().map(([j]) => j)),
      values: Float64Array.from(entries.flat().map(([, value]) => value)),
    };
    expect(linearRegression(y, compressed)).toEqual(linearRegression(y, X));
    expect(logisticRegression(y, compressed)).toEqual(logisticRegression(y, X));
    const time = X.map((_, i) => 1 + (i % 7));
    expect(coxRegression(time, y as (0 | 1)[], compressed)).toEqual(coxRegression(time, y as (0 | 1)[], X));
    expect(() => linearRegression(y, { ...compressed, columnIndex: compressed.columnIndex.map(() => 5) })).toThrow(
      /column indices must ascend within 0 \.\. 2/,
    );
  });
});
