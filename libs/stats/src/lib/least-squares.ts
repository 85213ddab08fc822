import { solveLeastSquares, type LeastSquaresSolution } from './linear-algebra';
import { crossProducts, multiplySparse, solveNormalEquations, sparseRows, type SparseRows } from './normal-equations';
import { withInterceptMatrix, type DesignMatrix, type RowMajorMatrix } from './row-major-matrix';

/** Which way a least-squares problem was solved. */
export type LeastSquaresSolver = 'normal-equations' | 'qr';

/** 'auto': the normal equations when the design is well conditioned, QR otherwise; 'qr': always QR (as before). */
export type LeastSquaresSolverChoice = 'auto' | 'qr';

export interface SolvedLeastSquares extends LeastSquaresSolution {
  solver: LeastSquaresSolver;
}

/**
 * One design matrix, with an intercept column in front, solved against one or more responses and weights,
 * as the iterations of a logistic regression do: its non-zero entries are gathered once, and the dense
 * matrix with the intercept is built only if QR is needed.
 */
export class LeastSquaresDesign {
  private sparse: SparseRows | undefined;
  private dense: RowMajorMatrix | undefined;

  /** X without the intercept column. */
  constructor(
    private readonly X: DesignMatrix,
    private readonly solver: LeastSquaresSolverChoice = 'auto',
  ) {}

  private rows(): SparseRows {
    this.sparse ??= sparseRows(this.X, true);
    return this.sparse;
  }

  private design(): RowMajorMatrix {
    this.dense ??= withInterceptMatrix(this.X);
    return this.dense;
  }

  /** X b for every row. */
  times(b: ArrayLike<number>): Float64Array {
    return multiplySparse(this.rows(), b);
  }

  /**
   * min sum w_i (z_i - x_i b)^2 (w = 1 without weights). Throws NotEstimableError, from QR, when the design is rank
   * deficient.
   */
  solve(z: ArrayLike<number>, weights?: ArrayLike<number>): SolvedLeastSquares {
    if (this.solver === 'auto') {
      const solved = solveNormalEquations(crossProducts(this.rows(), z, weights));
      if (solved !== null) {
        const { coefficients, unscaledCovariance } = solved;
        const fitted = this.times(coefficients);
        let residualSumOfSquares = 0;
        for (let i = 0; i < fitted.length; i++) {
          residualSumOfSquares += (weights === undefined ? 1 : weights[i]) * (z[i] - fitted[i]) ** 2;
        }
        return { coefficients, unscaledCovariance, residualSumOfSquares, solver: 'normal-equations' };
      }
    }
    return { ...this.solveByQr(z, weights), solver: 'qr' };
  }

  /** QR of sqrt(W) X against sqrt(W) z. */
  private solveByQr(z: ArrayLike<number>, weights?: ArrayLike<number>): LeastSquaresSolution {
    if (weights === undefined) return solveLeastSquares(this.design(), z);
    const { rows, columns, data } = this.design();
    const weighted = new Float64Array(data.length);
    const response = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const root = Math.sqrt(weights[i]);
      for (let j = 0; j < columns; j++) weighted[i * columns + j] = data[i * columns + j] * root;
      response[i] = z[i] * root;
    }
    return solveLeastSquares({ rows, columns, data: weighted }, response);
  }
}
