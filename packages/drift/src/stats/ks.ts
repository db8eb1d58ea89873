import { ksAsymptoticPValue, ksExactPValue } from './kolmogorov.ts';
import { countAtMost, countBelow } from './quantile.ts';

/** The outcome of a Kolmogorov–Smirnov test. */
export interface KsResult {
  /** sup |F_ref − F_cur|, in [0, 1]. */
  readonly statistic: number;
  readonly pValue: number;
  /** Whether the p-value came from the exact lattice-path count or the asymptotic distribution. */
  readonly pMethod: 'exact' | 'asymptotic';
}

/** Above this many n·m steps the exact p-value costs more than it is worth; the asymptotic one is close. */
export const KS_EXACT_MAX_PRODUCT = 10_000_000;

/**
 * The two-sample KS statistic of two sorted samples (scipy's `ks_2samp(...).statistic`).
 *
 * @example
 * ksStatisticSorted(new Float64Array([1, 2, 3]), new Float64Array([2, 3, 4])); // 1/3
 */
export function ksStatisticSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    // Advance past every copy of the smaller value in both samples, so ties are compared after the jump.
    const x = Math.min(a[i]!, b[j]!);
    while (i < n && a[i]! <= x) i++;
    while (j < m && b[j]! <= x) j++;
    const diff = Math.abs(i / n - j / m);
    if (diff > d) d = diff;
  }
  return d;
}

/**
 * The p-value for a KS statistic: exact when n·m ≤ {@link KS_EXACT_MAX_PRODUCT} (like scipy's `method='auto'`
 * for moderate sizes), asymptotic beyond.
 */
export function ksPValue(d: number, n: number, m: number): Pick<KsResult, 'pValue' | 'pMethod'> {
  if (n === 0 || m === 0) return { pValue: 1, pMethod: 'exact' };
  if (n * m <= KS_EXACT_MAX_PRODUCT) return { pValue: ksExactPValue(d, n, m), pMethod: 'exact' };
  return { pValue: ksAsymptoticPValue(d, n, m), pMethod: 'asymptotic' };
}

/**
 * The two-sample KS test on two sorted samples.
 *
 * @example
 * const r = ksTestSorted(new Float64Array([0.1, 0.2, 0.3]), new Float64Array([0.6, 0.7, 0.8]));
 * r.statistic; // 1
 */
export function ksTestSorted(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const statistic = ksStatisticSorted(a, b);
  return { statistic, ...ksPValue(statistic, a.length, b.length) };
}

/**
 * A piecewise-linear reference CDF given by quantile knots: `values[k]` is the `probs[k]` quantile, `probs`
 * rising from 0 to 1. Repeated values mark a point mass (the CDF jumps there).
 */
export interface QuantileKnots {
  readonly probs: readonly number[];
  readonly values: readonly number[];
}

/** F(x) = P(X ≤ x) for the piecewise-linear CDF through the knots. */
export function knotsCdf(knots: QuantileKnots, x: number): number {
  const { probs, values } = knots;
  const k = countAtMost(values, x) - 1; // last knot with value ≤ x
  if (k < 0) return 0;
  if (k >= values.length - 1) return 1;
  const q0 = values[k]!;
  const q1 = values[k + 1]!;
  return probs[k]! + ((x - q0) / (q1 - q0)) * (probs[k + 1]! - probs[k]!);
}

/** F(x−) = P(X < x) for the piecewise-linear CDF through the knots. */
export function knotsCdfLeft(knots: QuantileKnots, x: number): number {
  const { probs, values } = knots;
  const k = countBelow(values, x); // first knot with value ≥ x
  if (k >= values.length) return 1;
  if (k === 0) return 0;
  const q0 = values[k - 1]!;
  const q1 = values[k]!;
  return probs[k - 1]! + ((x - q0) / (q1 - q0)) * (probs[k]! - probs[k - 1]!);
}

/**
 * The KS statistic between a reference known only by quantile knots and a sorted current sample. The
 * reference CDF is interpolated linearly between knots, so the statistic can be off by at most the largest
 * probability step between knots (0.01 with percentiles); the supremum is taken over every current value and
 * every knot, from both sides, which is where a step function and a piecewise-linear one can differ most.
 *
 * @example
 * const knots = { probs: [0, 0.5, 1], values: [0, 1, 2] };
 * ksStatisticKnots(knots, new Float64Array([3, 4])); // 1
 */
export function ksStatisticKnots(knots: QuantileKnots, current: ArrayLike<number>): number {
  const m = current.length;
  if (m === 0 || knots.values.length === 0) return 0;
  let d = 0;
  const visit = (x: number): void => {
    const right = Math.abs(countAtMost(current, x) / m - knotsCdf(knots, x));
    const left = Math.abs(countBelow(current, x) / m - knotsCdfLeft(knots, x));
    if (right > d) d = right;
    if (left > d) d = left;
  };
  for (let i = 0; i < m; i++) if (i === 0 || current[i] !== current[i - 1]) visit(current[i]!);
  for (const v of knots.values) visit(v);
  return d;
}
