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
