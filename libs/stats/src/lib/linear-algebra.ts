import { isRowMajorMatrix, type RowMajorMatrix } from './row-major-matrix';
import { NotEstimableError } from './not-estimable';

/**
 * Small dense linear algebra for the regression estimators. Matrices are arrays of rows, or row-major
 * matrices where a design is large.
 *
 * Householder QR is the least-squares solver that keeps the digits: forming X'X squares the condition
 * number, and on NIST's Longley problem (condition number around 1e9) the normal equations would lose most of
 * the digits the certified values are given to. The regressions try the normal equations first where the
 * design is well conditioned (normal-equations.ts says why and how that is checked) and come here otherwise.
 */

export interface LeastSquaresSolution {
  /** The least-squares coefficients b minimising ||y - A b||. */
  coefficients: number[];
  /** (A'A)^-1 = R^-1 R^-T, the unscaled covariance of the coefficients. */
  unscaledCovariance: number[][];
  /** Residual sum of squares, from the tail of Q'y (no cancellation from subtracting fitted values). */
  residualSumOfSquares: number;
}

/**
 * Solves min ||y - A b|| by Householder QR. Throws NotEstimableError if A is numerically rank deficient (a predictor
 * is constant or a linear combination of others), because the coefficients are then not identified.
 */
export function solveLeastSquares(
  a: readonly (readonly number[])[] | RowMajorMatrix,
  y: ArrayLike<number>,
): LeastSquaresSolution {
  const n = isRowMajorMatrix(a) ? a.rows : a.length;
  const p = isRowMajorMatrix(a) ? a.columns : n === 0 ? 0 : a[0].length;
  if (n < p) {
    throw new NotEstimableError(
      'too-few-observations',
      `least squares needs at least as many rows (${n}) as columns (${p})`,
    );
  }
  // Work column-major (typed arrays: the reflections stream down columns, thousands of rows long).
  const columns: Float64Array[] = Array.from({ length: p }, (_, j) => {
    const column = new Float64Array(n);
    if (isRowMajorMatrix(a)) for (let i = 0; i < n; i++) column[i] = a.data[i * p + j];
    else for (let i = 0; i < n; i++) column[i] = a[i][j];
    return column;
  });
  const qty = Float64Array.from(y);
  const rDiagonal: number[] = new Array<number>(p).fill(0);
  const columnNorms = columns.map((column) => euclideanNorm(column, 0));
  const v = new Float64Array(n);

  for (let k = 0; k < p; k++) {
    const column = columns[k];
    const norm = euclideanNorm(column, k);
    // Relative test: a column that is (almost) entirely explained by the previous ones.
    if (norm <= 1e-12 * (columnNorms[k] || 1)) {
      throw new NotEstimableError(
        'singular-design',
        `design matrix is rank deficient: column ${k} is constant or collinear with others`,
      );
    }
    // Choose the sign that avoids cancellation in v[k] = x[k] - alpha.
    const alpha = column[k] > 0 ? -norm : norm;
    let vNormSquared = 0;
    for (let i = k; i < n; i++) {
      v[i] = i === k ? column[i] - alpha : column[i];
      vNormSquared += v[i] * v[i];
    }
    const reflect = (target: Float64Array): void => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i] * target[i];
      const scale = (2 * dot) / vNormSquared;
      for (let i = k; i < n; i++) target[i] -= scale * v[i];
    };
    for (let j = k + 1; j < p; j++) reflect(columns[j]);
    reflect(qty);
    rDiagonal[k] = alpha;
  }

  // R is upper triangular: R[i][j] = columns[j][i] for j > i, and rDiagonal on the diagonal.
  const r: number[][] = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => (j < i ? 0 : j === i ? rDiagonal[i] : columns[j][i])),
  );
  const coefficients = backSubstitute(r, Array.from(qty.subarray(0, p)));
  const rInverse = invertUpperTriangular(r);
  const unscaledCovariance = multiplyByOwnTranspose(rInverse);
  let residualSumOfSquares = 0;
  for (let i = p; i < n; i++) residualSumOfSquares += qty[i] * qty[i];
  return { coefficients, unscaledCovariance, residualSumOfSquares };
}

/**
 * ||x[from..]||, scaled by the largest magnitude first so that squaring neither overflows nor underflows
 * (what Math.hypot does, without its cost per element).
 */
function euclideanNorm(x: Float64Array, from: number): number {
  let largest = 0;
  for (let i = from; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i]));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sumOfSquares = 0;
  for (let i = from; i < x.length; i++) {
    const scaled = x[i] / largest;
    sumOfSquares += scaled * scaled;
  }
  return largest * Math.sqrt(sumOfSquares);
}

/** Solves R x = b for upper-triangular R. */
export function backSubstitute(r: readonly (readonly number[])[], b: readonly number[]): number[] {
  const p = b.length;
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i];
    for (let j = i + 1; j < p; j++) sum -= r[i][j] * x[j];
    x[i] = sum / r[i][i];
  }
  return x;
}

export function invertUpperTriangular(r: readonly (readonly number[])[]): number[][] {
  const p = r.length;
  // Column j of R^-1 solves R x = e_j.
  const columns = Array.from({ length: p }, (_, j) =>
    backSubstitute(
      r,
      Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: p }, (_, i) => columns.map((column) => column[i]));
}

/** M M' for a square matrix M. */
export function multiplyByOwnTranspose(m: readonly (readonly number[])[]): number[][] {
  const p = m.length;
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => m[i].reduce((sum, value, k) => sum + value * m[j][k], 0)),
  );
}

/**
 * Solves the symmetric positive-definite system A x = b by Cholesky decomposition. Throws NotEstimableError if A is
 * not positive definite (for a variance matrix: a redundant group or predictor).
 */
export function solveSymmetricPositiveDefinite(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const p = b.length;
  const lower: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(sum > 1e-12 * Math.abs(a[i][i]))) {
          throw new NotEstimableError('singular-design', 'matrix is singular or not positive definite');
        }
        lower[i][i] = Math.sqrt(sum);
      } else {
        lower[i][j] = sum / lower[j][j];
      }
    }
  }
  const z = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i][k] * z[k];
    z[i] = sum / lower[i][i];
  }
  const transposed = lower.map((_, i) => lower.map((row) => row[i]));
  return backSubstitute(transposed, z);
}

/** A^-1 for a symmetric positive-definite A, column by column; throws NotEstimableError like the solver if singular. */
export function invertSymmetricPositiveDefinite(a: readonly (readonly number[])[]): number[][] {
  const p = a.length;
  const columns = Array.from({ length: p }, (_, j) =>
    solveSymmetricPositiveDefinite(
      a,
      Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: p }, (_, i) => columns.map((column) => column[i]));
}
