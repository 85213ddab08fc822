import {
  designRowCount,
  isCompressedRows,
  isRowMajorMatrix,
  type CompressedRows,
  type DesignMatrix,
} from './row-major-matrix';
import { NotEstimableError } from './not-estimable';

/**
 * Input checks shared by every estimator. They throw RangeError with a message that names the argument and
 * the offending position, because the callers are dashboards and APIs whose users need to know what to fix.
 * Too little data (no rows, fewer than a method needs) is NotEstimableError instead: the data, not the caller,
 * cannot support the estimate.
 */

export function assertFiniteNumbers(values: readonly number[], name: string): void {
  if (!Array.isArray(values)) throw new RangeError(`${name} must be an array of numbers`);
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`${name}[${index}] must be a finite number, got ${String(value)}`);
    }
  });
}

export function assertSameLength(a: readonly unknown[], b: readonly unknown[], nameA: string, nameB: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${nameA} and ${nameB} must have the same length, got ${a.length} and ${b.length}`);
  }
}

export function assertMinimumLength(values: readonly unknown[], minimum: number, name: string, why: string): void {
  if (values.length < minimum) {
    throw new NotEstimableError(
      'too-few-observations',
      `${name} needs at least ${minimum} observations (${why}), got ${values.length}`,
    );
  }
}

export function assertConfidence(confidence: number): void {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be a number in (0, 1), got ${String(confidence)}`);
  }
}

/** Each value must be exactly 0 or 1 (binary outcome, event indicator). */
export function assertBinary(values: readonly number[], name: string): void {
  values.forEach((value, index) => {
    if (value !== 0 && value !== 1) throw new RangeError(`${name}[${index}] must be 0 or 1, got ${String(value)}`);
  });
}

/**
 * A design matrix given as rows without the intercept column: every row must have the same number of
 * finite entries. Returns the number of predictors.
 */
export function assertDesignRows(rows: readonly (readonly number[])[], name: string): number {
  if (!Array.isArray(rows)) throw new RangeError(`${name} must be an array of rows`);
  if (rows.length === 0) throw new NotEstimableError('too-few-observations', `${name} has no rows`);
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new RangeError(`${name}[${i}] must be an array of ${width} numbers (all rows the same width)`);
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(`${name}[${i}][${j}] must be a finite number, got ${String(value)}`);
      }
    });
  });
  return width;
}

/**
 * assertDesignRows for either form of a design matrix (rows or row-major), with the same messages. Returns the
 * number of predictors.
 */
export function assertDesign(X: DesignMatrix, name: string): number {
  if (isCompressedRows(X)) return assertCompressedRows(X, name);
  if (!isRowMajorMatrix(X)) return assertDesignRows(X, name);
  const { rows, columns, data } = X;
  if (rows === 0) throw new NotEstimableError('too-few-observations', `${name} has no rows`);
  if (!(Number.isInteger(rows) && rows > 0 && Number.isInteger(columns) && columns >= 0)) {
    throw new RangeError(`${name} must be a non-empty matrix, got ${rows} x ${columns}`);
  }
  if (data.length !== rows * columns) {
    throw new RangeError(`${name} holds ${data.length} values, not ${rows} x ${columns}`);
  }
  for (let index = 0; index < data.length; index++) {
    if (!Number.isFinite(data[index])) {
      const [i, j] = [Math.floor(index / columns), index % columns];
      throw new RangeError(`${name}[${i}][${j}] must be a finite number, got ${String(data[index])}`);
    }
  }
  return columns;
}

/** assertSameLength between a vector and the rows of a design matrix. */
export function assertSameRowCount(values: readonly unknown[], X: DesignMatrix, nameA: string, nameB: string): void {
  const rows = designRowCount(X);
  if (values.length !== rows) {
    throw new RangeError(`${nameA} and ${nameB} must have the same length, got ${values.length} and ${rows}`);
  }
}

function assertCompressedRows({ rows, columns, rowStarts, columnIndex, values }: CompressedRows, name: string): number {
  if (rows === 0) throw new NotEstimableError('too-few-observations', `${name} has no rows`);
  if (!(Number.isInteger(rows) && rows > 0 && Number.isInteger(columns) && columns >= 0)) {
    throw new RangeError(`${name} must be a non-empty matrix, got ${rows} x ${columns}`);
  }
  if (rowStarts.length !== rows + 1 || rowStarts[0] !== 0 || rowStarts[rows] !== values.length) {
    throw new RangeError(`${name}: rowStarts must have ${rows + 1} entries from 0 to the number of values`);
  }
  if (columnIndex.length !== values.length) throw new RangeError(`${name}: one column index per value`);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
      const j = columnIndex[k];
      if (!(j >= 0 && j < columns) || (k > rowStarts[i] && j <= columnIndex[k - 1])) {
        throw new RangeError(`${name}[${i}]: column indices must ascend within 0 .. ${columns - 1}`);
      }
      if (!Number.isFinite(values[k])) {
        throw new RangeError(`${name}[${i}][${j}] must be a finite number, got ${String(values[k])}`);
      }
    }
  }
  return columns;
}
