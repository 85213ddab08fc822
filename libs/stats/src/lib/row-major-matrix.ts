/**
 * A dense matrix in one Float64Array, row after row: element (i, j) is data[i * columns + j]. The regressions
 * take it wherever they take arrays of rows: a design of 120,000 rows is then one allocation instead of 120,000,
 * and it crosses to a worker thread as one buffer.
 */
export interface RowMajorMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly data: Float64Array;
}

/**
 * A matrix by its non-zero entries, row after row (compressed sparse rows): row i's entries are
 * rowStarts[i] .. rowStarts[i + 1] - 1 of columnIndex and values, columns ascending. A design of dummy columns
 * is mostly zeros (one 1 per factor in each row), and the least-squares fits only ever read its non-zeros.
 */
export interface CompressedRows {
  readonly rows: number;
  readonly columns: number;
  readonly rowStarts: Int32Array;
  readonly columnIndex: Int32Array;
  readonly values: Float64Array;
}

/** A design matrix as the regressions accept it, always WITHOUT the intercept column. */
export type DesignMatrix = readonly (readonly number[])[] | RowMajorMatrix | CompressedRows;

export function isRowMajorMatrix(X: unknown): X is RowMajorMatrix {
  return typeof X === 'object' && X !== null && !Array.isArray(X) && (X as RowMajorMatrix).data instanceof Float64Array;
}

export function isCompressedRows(X: unknown): X is CompressedRows {
  return (
    typeof X === 'object' && X !== null && !Array.isArray(X) && (X as CompressedRows).rowStarts instanceof Int32Array
  );
}

/** A compressed matrix as a dense row-major one. */
export function decompress({ rows, columns, rowStarts, columnIndex, values }: CompressedRows): RowMajorMatrix {
  const data = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStarts[i]; k < rowStarts[i + 1]; k++) data[i * columns + columnIndex[k]] = values[k];
  }
  return { rows, columns, data };
}

/** Copies arrays of rows (all of one width) into a row-major matrix. */
export function rowMajorMatrix(rows: readonly (readonly number[])[], columns = rows[0]?.length ?? 0): RowMajorMatrix {
  const data = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => data.set(row, i * columns));
  return { rows: rows.length, columns, data };
}

/** The rows of a row-major or compressed matrix as arrays (for tests and small matrices). */
export function matrixRows(X: RowMajorMatrix | CompressedRows): number[][] {
  const matrix = isCompressedRows(X) ? decompress(X) : X;
  return Array.from({ length: matrix.rows }, (_, i) =>
    Array.from(matrix.data.subarray(i * matrix.columns, (i + 1) * matrix.columns)),
  );
}

export function designRowCount(X: DesignMatrix): number {
  return isRowMajorMatrix(X) || isCompressedRows(X) ? X.rows : X.length;
}

/** The design as arrays of rows or a row-major matrix: compressed rows are expanded. */
export function uncompressed(X: DesignMatrix): readonly (readonly number[])[] | RowMajorMatrix {
  return isCompressedRows(X) ? decompress(X) : X;
}

/** The design with the intercept column of ones in front, as a row-major matrix. */
export function withInterceptMatrix(design: DesignMatrix): RowMajorMatrix {
  const X = uncompressed(design);
  const rows = designRowCount(X);
  const predictors = isRowMajorMatrix(X) ? X.columns : (X[0]?.length ?? 0);
  const columns = predictors + 1;
  const data = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) data[i * columns] = 1;
  if (isRowMajorMatrix(X)) {
    for (let i = 0; i < rows; i++) data.set(X.data.subarray(i * predictors, (i + 1) * predictors), i * columns + 1);
  } else {
    for (let i = 0; i < rows; i++) for (let j = 0; j < predictors; j++) data[i * columns + 1 + j] = X[i][j];
  }
  return { rows, columns, data };
}
