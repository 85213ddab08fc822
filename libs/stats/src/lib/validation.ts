/**
 * Input checks shared by every estimator. They throw RangeError with a message that names the argument and
 * the offending position, because the callers are dashboards and APIs whose users need to know what to fix.
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
    throw new RangeError(`${name} needs at least ${minimum} observations (${why}), got ${values.length}`);
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
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError(`${name} must be a non-empty array of rows`);
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
