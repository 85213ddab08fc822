/**
 * PostgreSQL's `percentile_cont(0.5)` of the values (nulls left out): the value at 0.5 * (n - 1) of the sorted
 * values, between the two rows around it by float8 lerp, `lo + 0.5 * (hi - lo)` (not `(lo + hi) / 2`, which can
 * round differently); null over no values. Reorders `values`: the two rows are found by selection, not by sorting
 * (a whole network's 120,000 values: about 2 ms instead of 14).
 */
export function medianOf(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const position = 0.5 * (values.length - 1);
  const first = Math.floor(position);
  const low = select(values, first);
  if (Math.ceil(position) === first) return low;
  // Every value after the selected one is at least as large: the next row is the smallest of them.
  let high = values[first + 1];
  for (let index = first + 2; index < values.length; index++) high = Math.min(high, values[index]);
  return low + (position - first) * (high - low);
}

/**
 * The k-th smallest value (from 0), by Hoare's quickselect with a median-of-three pivot; leaves no larger value
 * after k and no smaller one before it.
 */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = medianOfThree(values[left], values[(left + right) >>> 1], values[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swapped = values[i];
        values[i++] = values[j];
        values[j--] = swapped;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

const medianOfThree = (a: number, b: number, c: number): number =>
  a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
