import type { QuantileKnots } from './ks.ts';

/**
 * The first Wasserstein (earth mover's) distance between two sorted samples, ∫ |F_a(x) − F_b(x)| dx
 * (scipy's `wasserstein_distance`), in the units of the data. Walks both samples once.
 *
 * @example
 * wassersteinSorted(new Float64Array([0, 1, 3]), new Float64Array([5, 6, 8])); // 5
 */
export function wassersteinSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0]!, b[0]!);
  let total = 0;
  while (i < n || j < m) {
    const x = j >= m || (i < n && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    // Between the previous jump and x both CDFs are constant.
    total += Math.abs(i / n - j / m) * (x - prev);
    while (i < n && a[i]! <= x) i++;
    while (j < m && b[j]! <= x) j++;
    prev = x;
  }
  return total;
}

/**
 * The first Wasserstein distance between a reference known only by quantile knots and a sorted current sample,
 * computed as ∫₀¹ |Q_ref(u) − Q_cur(u)| du with the reference quantile function linear between knots (values
 * uniform within each quantile interval) and the current one the empirical step function. The integral is
 * exact for that model; the approximation is only the within-interval uniformity, whose error is at most
 * Σ (probability step × value step) over the knot intervals — small with percentiles except in long tails.
 *
 * @example
 * wassersteinKnots({ probs: [0, 1], values: [0, 1] }, new Float64Array([0.5])); // 0.25
 */
export function wassersteinKnots(knots: QuantileKnots, current: ArrayLike<number>): number {
  const { probs, values } = knots;
  const m = current.length;
  if (m === 0 || values.length === 0) return 0;
  if (values.length === 1) {
    let s = 0;
    for (let j = 0; j < m; j++) s += Math.abs(current[j]! - values[0]!);
    return s / m;
  }
  let total = 0;
  let k = 0; // knot interval [probs[k], probs[k+1]]
  let j = 0; // current order statistic: Q_cur(u) = current[j] for u in (j/m, (j+1)/m]
  let u = 0;
  while (u < 1 && k < probs.length - 1) {
    const uEnd = Math.min(probs[k + 1]!, (j + 1) / m);
    if (uEnd > u) {
      const p0 = probs[k]!;
      const p1 = probs[k + 1]!;
      const slope = p1 > p0 ? (values[k + 1]! - values[k]!) / (p1 - p0) : 0;
      const c = current[j]!;
      const g0 = values[k]! + slope * (u - p0) - c;
      const g1 = values[k]! + slope * (uEnd - p0) - c;
      total += segmentAbsIntegral(g0, g1) * (uEnd - u);
      u = uEnd;
    }
    if (u >= probs[k + 1]!) k++;
    if (u >= (j + 1) / m && j < m - 1) j++;
  }
  return total;
}

/** Mean of |g| over a segment where g is linear from g0 to g1. */
function segmentAbsIntegral(g0: number, g1: number): number {
  if ((g0 >= 0 && g1 >= 0) || (g0 <= 0 && g1 <= 0)) return (Math.abs(g0) + Math.abs(g1)) / 2;
  // The line crosses zero: two triangles.
  return (g0 * g0 + g1 * g1) / (2 * (Math.abs(g0) + Math.abs(g1)));
}

/**
 * The Wasserstein distance divided by the reference standard deviation, so one threshold (0.1, Evidently's
 * default) works for every column whatever its units. A constant reference has no spread; the distance is
 * then divided by max(|mean|, 1) so a change still registers without dividing by zero.
 *
 * @example
 * normedWasserstein(0.5, 2, 10); // 0.25
 */
export function normedWasserstein(distance: number, referenceStd: number, referenceMean: number): number {
  const scale = referenceStd > 0 ? referenceStd : Math.max(Math.abs(referenceMean), 1);
  return distance / scale;
}
