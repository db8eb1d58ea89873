/** Shares below this are replaced by it, so an empty bin does not make PSI infinite (Evidently's choice). */
export const PSI_MIN_SHARE = 0.0001;

/**
 * The population stability index Σ (c_i − r_i) · ln(c_i / r_i) over shares of the same bins. Common reading:
 * below 0.1 stable, 0.1–0.25 moderate shift, above 0.25 significant shift.
 *
 * @example
 * psi([50, 50], [60, 40]); // ≈ 0.0405
 */
export function psi(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  if (referenceCounts.length !== currentCounts.length)
    throw new RangeError('psi: count vectors differ in length');
  const r = toShares(referenceCounts);
  const c = toShares(currentCounts);
  if (r === null || c === null) return 0;
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = Math.max(r[i]!, PSI_MIN_SHARE);
    const ci = Math.max(c[i]!, PSI_MIN_SHARE);
    total += (ci - ri) * Math.log(ci / ri);
  }
  return total;
}

/** Counts to shares; null when there are no counts at all. */
export function toShares(counts: ArrayLike<number>): Float64Array | null {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += counts[i]!;
  if (!(sum > 0)) return null;
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = counts[i]! / sum;
  return out;
}
