import { upperRegularizedGamma } from './incomplete-gamma.ts';

/**
 * The survival function of the chi-square distribution, P(X ≥ x) with `df` degrees of freedom
 * (scipy's `chi2.sf`), through the regularized upper incomplete gamma function.
 *
 * @example
 * chiSquareSurvival(3.841458820694124, 1); // ≈ 0.05
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  return upperRegularizedGamma(df / 2, x / 2);
}

/** The outcome of a chi-square test. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Pearson's chi-square test of homogeneity for two samples of counts over the same categories (a 2 × k
 * contingency table, no continuity correction — scipy's `chi2_contingency(..., correction=False)`).
 *
 * Homogeneity rather than goodness of fit against the reference shares, because the reference is a sample
 * too, and because a category absent from the reference would otherwise have an expected count of zero.
 * Categories empty in both samples are dropped. With two categories this equals the two-proportion z-test.
 *
 * @example
 * chiSquareHomogeneity([30, 70], [45, 55]).pValue; // ≈ 0.0285
 */
export function chiSquareHomogeneity(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): ChiSquareResult {
  if (reference.length !== current.length) throw new RangeError('chi-square: count vectors differ in length');
  let nRef = 0;
  let nCur = 0;
  let k = 0;
  for (let i = 0; i < reference.length; i++) {
    nRef += reference[i]!;
    nCur += current[i]!;
    if (reference[i]! + current[i]! > 0) k++;
  }
  const total = nRef + nCur;
  if (k < 2 || nRef === 0 || nCur === 0) return { statistic: 0, df: Math.max(k - 1, 0), pValue: 1 };
  let statistic = 0;
  for (let i = 0; i < reference.length; i++) {
    const column = reference[i]! + current[i]!;
    if (column === 0) continue;
    const eRef = (nRef * column) / total;
    const eCur = (nCur * column) / total;
    statistic += (reference[i]! - eRef) ** 2 / eRef + (current[i]! - eCur) ** 2 / eCur;
  }
  const df = k - 1;
  return { statistic, df, pValue: chiSquareSurvival(statistic, df) };
}
