import { toShares } from './psi.ts';

/**
 * The Jensen–Shannon distance (square root of the divergence, natural logarithm — scipy's
 * `spatial.distance.jensenshannon` default and what Evidently's 0.1 threshold assumes) between two count
 * vectors over the same categories. Bounded by √ln 2 ≈ 0.833 and finite even when a category is empty on one
 * side, which is why it suits categorical columns with new or vanished values.
 *
 * @example
 * jensenShannonDistance([1, 0], [0, 1]); // √ln 2 ≈ 0.8326
 */
export function jensenShannonDistance(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
): number {
  if (referenceCounts.length !== currentCounts.length) {
    throw new RangeError('jensen-shannon: count vectors differ in length');
  }
  const p = toShares(referenceCounts);
  const q = toShares(currentCounts);
  if (p === null || q === null) return 0;
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    if (p[i]! > 0) divergence += 0.5 * p[i]! * Math.log(p[i]! / m);
    if (q[i]! > 0) divergence += 0.5 * q[i]! * Math.log(q[i]! / m);
  }
  return Math.sqrt(Math.max(0, divergence));
}
