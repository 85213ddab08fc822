import { designRowCount, isCompressedRows, isRowMajorMatrix, type DesignMatrix } from './row-major-matrix';

/**
 * Least squares by the normal equations X'WX b = X'Wz, for the designs where that is safe, with QR (see
 * linear-algebra.ts) as the fallback where it is not.
 *
 * Why: QR touches every entry of X about p times per column (2 n p^2 flops, in columns of n doubles), the
 * normal equations need X'X once (n p^2 / 2), and a board design is mostly zeros (one exposure and one
 * dummy per covariate level: of 20-30 columns about 8 are non-zero in any row), so forming X'X from the
 * non-zero entries only costs about 8^2 / 2 per row. At 120,000 episodes that is milliseconds instead of
 * most of a second per fit, and logistic regression pays it once per iteration.
 *
 * When not: forming X'X squares the condition number of X, and the relative error of the solution grows
 * with it (about condition x 1.1e-16). The matrix is scaled to unit diagonal first (which removes the
 * columns' units, the usual reason for a large condition number), its 1-norm condition number is computed
 * from the inverse (p^3, nothing next to forming X'X), and above MAX_NORMAL_EQUATIONS_CONDITION the solver
 * declines and the caller uses QR. NIST's Longley problem is the textbook case: QR keeps its certified
 * digits, the normal equations would not, and the check sends it to QR.
 */
export const MAX_NORMAL_EQUATIONS_CONDITION = 1e7;

/**
 * The rows of a matrix with their non-zero entries only (compressed sparse rows), columns ascending; with
 * `impliedIntercept`, a leading column of ones that is not stored (entry j of the rows is column j + 1).
 */
export interface SparseRows {
  readonly rows: number;
  /** Stored columns: the matrix has one more with an implied intercept. */
  readonly columns: number;
  /** Row i's entries are rowStarts[i] .. rowStarts[i + 1] - 1 of columnIndex and values. */
  readonly rowStarts: Int32Array;
  readonly columnIndex: Int32Array;
  readonly values: Float64Array;
  readonly impliedIntercept?: boolean;
}

/**
 * The non-zero entries of a design given without its intercept column, with the intercept column of ones implied
 * in front when `intercept` is true. Compressed rows are used as they are: neither the dense matrix nor a copy
 * with the intercept's entries is built (at a million rows a copy is some 150 MB).
 */
export function sparseRows(X: DesignMatrix, intercept: boolean): SparseRows {
  if (isCompressedRows(X)) return intercept ? { ...X, impliedIntercept: true } : X;
  const rows = designRowCount(X);
  const width = isRowMajorMatrix(X) ? X.columns : (X[0]?.length ?? 0);
  // Row-major either way: a row-major matrix as it is, arrays of rows copied into one buffer first.
  const dense = isRowMajorMatrix(X) ? X.data : new Float64Array(rows * width);
  if (!isRowMajorMatrix(X))
    for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) dense[i * width + j] = X[i][j];
  let nonZero = 0;
  for (let k = 0; k < rows * width; k++) if (dense[k] !== 0) nonZero++;
  const rowStarts = new Int32Array(rows + 1);
  const columnIndex = new Int32Array(nonZero);
  const values = new Float64Array(nonZero);
  let next = 0;
  for (let i = 0; i < rows; i++) {
    rowStarts[i] = next;
    const offset = i * width;
    for (let j = 0; j < width; j++) {
      const value = dense[offset + j];
      if (value === 0) continue;
      columnIndex[next] = j;
      values[next] = value;
      next++;
    }
  }
  rowStarts[rows] = next;
  return { rows, columns: width, rowStarts, columnIndex, values, impliedIntercept: intercept };
}

/** X b for every row of X (b[0] the intercept's coefficient when X implies one). */
export function multiplySparse(
  X: SparseRows,
  b: ArrayLike<number>,
  out: Float64Array = new Float64Array(X.rows),
): Float64Array {
  const { rows, rowStarts, columnIndex, values } = X;
  const shift = X.impliedIntercept ? 1 : 0;
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    if (shift === 1) sum += b[0];
    for (let k = rowStarts[i]; k < rowStarts[i + 1]; k++) sum += values[k] * b[columnIndex[k] + shift];
    out[i] = sum;
  }
  return out;
}

export interface CrossProducts {
  /** X'WX, p x p, row-major, both triangles filled. */
  xtx: Float64Array;
  /** X'Wz. */
  xtz: Float64Array;
}

/**
 * X'WX and X'Wz in one pass over the non-zero entries; no weights means W = I. An implied intercept is summed as
 * if its entry of 1 led each row.
 */
export function crossProducts(X: SparseRows, z: ArrayLike<number>, weights?: ArrayLike<number>): CrossProducts {
  const { rows, rowStarts, columnIndex, values } = X;
  const shift = X.impliedIntercept ? 1 : 0;
  const p = X.columns + shift;
  const xtx = new Float64Array(p * p);
  const xtz = new Float64Array(p);
  for (let i = 0; i < rows; i++) {
    const weight = weights === undefined ? 1 : weights[i];
    const zi = z[i];
    const start = rowStarts[i];
    if (shift === 1) {
      xtz[0] += weight * zi;
      xtx[0] += weight;
    }
    for (let a = start; a < rowStarts[i + 1]; a++) {
      const ja = columnIndex[a] + shift;
      const weighted = weight * values[a];
      xtz[ja] += weighted * zi;
      // Columns ascend within a row, so (ja, jb) with b <= a is in the lower triangle (the intercept first).
      const base = ja * p;
      if (shift === 1) xtx[base] += weighted;
      for (let b = start; b <= a; b++) xtx[base + columnIndex[b] + shift] += weighted * values[b];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) xtx[k * p + j] = xtx[j * p + k];
  return { xtx, xtz };
}

export interface NormalEquationsSolution {
  coefficients: number[];
  /** (X'WX)^-1. */
  unscaledCovariance: number[][];
  /** 1-norm condition number of X'WX scaled to unit diagonal. */
  condition: number;
}

/**
 * Solves (X'WX) b = X'Wz by Cholesky on the matrix scaled to unit diagonal. Null when that matrix is not
 * (numerically) positive definite or its condition number exceeds `maxCondition`: the caller then uses QR,
 * which also says whether the design is rank deficient.
 */
export function solveNormalEquations(
  { xtx, xtz }: CrossProducts,
  maxCondition = MAX_NORMAL_EQUATIONS_CONDITION,
): NormalEquationsSolution | null {
  const p = xtz.length;
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const diagonal = xtx[j * p + j];
    if (!(diagonal > 0 && Number.isFinite(diagonal))) return null;
    scale[j] = 1 / Math.sqrt(diagonal);
  }
  const scaled = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) scaled[i * p + j] = xtx[i * p + j] * scale[i] * scale[j];

  const lower = choleskyLower(scaled, p);
  if (lower === null) return null;
  const inverse = inverseFromCholesky(lower, p);
  const condition = oneNorm(scaled, p) * oneNorm(inverse, p);
  if (!(condition <= maxCondition)) return null;

  // L L' x = S X'Wz, then b = S x.
  const forward = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = scale[i] * xtz[i];
    for (let k = 0; k < i; k++) sum -= lower[i * p + k] * forward[k];
    forward[i] = sum / lower[i * p + i];
  }
  const solution = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = forward[i];
    for (let k = i + 1; k < p; k++) sum -= lower[k * p + i] * solution[k];
    solution[i] = sum / lower[i * p + i];
  }
  return {
    coefficients: Array.from(solution, (value, j) => value * scale[j]),
    unscaledCovariance: Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => inverse[i * p + j] * scale[i] * scale[j]),
    ),
    condition,
  };
}

/** Lower-triangular L with L L' = A (row-major), or null when A is not positive definite. */
function choleskyLower(a: Float64Array, p: number): Float64Array | null {
  const lower = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= lower[i * p + k] * lower[j * p + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i * p + i] = Math.sqrt(sum);
      } else {
        lower[i * p + j] = sum / lower[j * p + j];
      }
    }
  }
  return lower;
}

/** A^-1 = L^-T L^-1 from the Cholesky factor of A. */
function inverseFromCholesky(lower: Float64Array, p: number): Float64Array {
  // M = L^-1, lower triangular, column by column (L m_j = e_j).
  const m = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let i = j; i < p; i++) {
      let sum = i === j ? 1 : 0;
      for (let k = j; k < i; k++) sum -= lower[i * p + k] * m[k * p + j];
      m[i * p + j] = sum / lower[i * p + i];
    }
  }
  const inverse = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < p; k++) sum += m[k * p + i] * m[k * p + j];
      inverse[i * p + j] = sum;
      inverse[j * p + i] = sum;
    }
  }
  return inverse;
}

/** Largest column sum of absolute values. */
function oneNorm(a: Float64Array, p: number): number {
  let largest = 0;
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += Math.abs(a[i * p + j]);
    largest = Math.max(largest, sum);
  }
  return largest;
}
