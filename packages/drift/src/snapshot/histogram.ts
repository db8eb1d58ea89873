import { countAtMost, countBelow, quantileSorted } from '../stats/quantile.ts';
import type { NumericHistogram } from './reference-snapshot.ts';

/**
 * Bin edges at the reference's quantiles 0, 1/bins, …, 1, with repeats removed: equal-frequency bins, so PSI
 * compares shares that are each about 1/bins in the reference. A constant column gets one degenerate bin.
 */
export function quantileEdges(sortedReference: ArrayLike<number>, bins: number): number[] {
  if (sortedReference.length === 0) return [];
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) {
    const e = quantileSorted(sortedReference, i / bins);
    if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
  }
  if (edges.length === 1) edges.push(edges[0]!);
  return edges;
}

/**
 * The bins a reference keeps: a column with at most `bins` distinct values (a flag, a small count)
 * gets one bin per value; otherwise equal-frequency bins ({@link quantileEdges}), with the minimum
 * in a bin of its own when it holds at least a bin's share of the rows (zero-inflated counts), so a
 * point mass never hides the rest in one bar.
 */
export function referenceEdges(sortedReference: ArrayLike<number>, bins: number): number[] {
  const n = sortedReference.length;
  if (n === 0) return [];
  const distinct: number[] = [];
  for (let i = 0; i < n && distinct.length <= bins; i++) {
    const v = sortedReference[i]!;
    if (distinct.length === 0 || v > distinct[distinct.length - 1]!) distinct.push(v);
  }
  // [v0, v0], (v0, v1], …: bins are closed on the right, so each holds exactly one reference value.
  if (distinct.length <= bins) return [distinct[0]!, ...distinct];
  const edges = quantileEdges(sortedReference, bins);
  const min = edges[0]!;
  return countAtMost(sortedReference, min) * bins >= n ? [min, ...edges] : edges;
}

/** Counts of sorted values on the bins of `edges` (see {@link NumericHistogram}). */
export function binSorted(edges: readonly number[], sorted: ArrayLike<number>): NumericHistogram {
  if (edges.length === 0) return { edges: [], counts: [], below: 0, above: sorted.length };
  const counts: number[] = [];
  let previous = countBelow(sorted, edges[0]!);
  const below = previous;
  for (let i = 1; i < edges.length; i++) {
    const upTo = countAtMost(sorted, edges[i]!);
    counts.push(upTo - previous);
    previous = upTo;
  }
  return { edges: [...edges], counts, below, above: sorted.length - previous };
}

/** The counts PSI compares: below, each bin, above. */
export function histogramVector(h: NumericHistogram): number[] {
  return [h.below, ...h.counts, h.above];
}
