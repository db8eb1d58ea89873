import { sortFloat64 } from './sort-float64.ts';

/**
 * The non-missing values of a numeric column, sorted ascending, in a new array. NaN and ±Infinity count as missing (an infinite value has no place in a
 * histogram and would not survive JSON).
 *
 * @example
 * sortedFinite(new Float64Array([3, NaN, 1])); // Float64Array [1, 3]
 */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[k++] = v;
  }
  return sortFloat64(out);
}

/**
 * The p-quantile of sorted data with linear interpolation between order statistics (Hyndman & Fan type 7,
 * numpy's default), so snapshots match what data scientists compute in Python.
 *
 * @example
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a === b ? a : a + (h - lo) * (b - a);
}

/** The number of elements of a sorted array that are ≤ x (upper bound). */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of elements of a sorted array that are < x (lower bound). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
