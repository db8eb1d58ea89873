import type { CategoricalHistogram, NumericHistogram } from '../../api/report-types.ts';

/** One bar pair of a reference-vs-current chart: shares (0–1) so different sample sizes compare. */
export interface HistogramRow {
  readonly bin: string;
  readonly reference: number;
  readonly current: number;
}

function shares(counts: readonly number[], extra = 0): number[] {
  const total = counts.reduce((a, b) => a + b, 0) + extra;
  return counts.map((c) => (total === 0 ? 0 : c / total));
}

/** Whole numbers as such, others with two decimals: bin edges sit at the reference's quantiles. */
export const plainEdge = (v: number): string =>
  Number.isInteger(v) || Math.abs(v) >= 100 ? String(Math.round(v)) : v.toFixed(2);

/** A numeric side's counts in display order: below the first edge, each bin, above the last. */
function numericCounts(h: NumericHistogram): number[] {
  return [h.below ?? 0, ...h.counts, h.above ?? 0];
}

function numericRows(
  reference: NumericHistogram,
  current: NumericHistogram,
  edge: (v: number) => string,
): HistogramRow[] {
  const r = shares(numericCounts(reference));
  const c = shares(numericCounts(current));
  const { edges } = reference;
  const labels = [
    `< ${edge(edges[0] ?? 0)}`,
    ...reference.counts.map((_, i) => {
      const lo = edges[i] ?? 0;
      const hi = edges[i + 1] ?? lo;
      // Bins after the first are open on the left: (2, 3] of a count holds only 3.
      const single = lo === hi || (i > 0 && Number.isInteger(lo) && hi === lo + 1);
      return single ? edge(hi) : `${edge(lo)}–${edge(hi)}`;
    }),
    `> ${edge(edges.at(-1) ?? 0)}`,
  ];
  const rows = labels.map((bin, i) => ({ bin, reference: r[i] ?? 0, current: c[i] ?? 0 }));
  // Values outside the reference's range get their own bars, but only when there are any.
  const last = rows.length - 1;
  return rows.filter((row, i) => (i !== 0 && i !== last) || row.reference > 0 || row.current > 0);
}

/**
 * Reference and current histograms as rows of shares on the same bins. Numeric bins are labelled by
 * their range (the reference's quantile bins, so each holds about as many reference rows), with bars
 * for this week's values below or above anything the reference saw; categories follow the
 * reference's order, then those only the current side has.
 *
 * @example
 * histogramRows(
 *   { edges: [0, 1, 2], counts: [1, 3], below: 0, above: 0 },
 *   { edges: [0, 1, 2], counts: [2, 1], below: 0, above: 1 },
 * );
 * // [{ bin: '0–1', reference: 0.25, current: 0.5 }, { bin: '2', reference: 0.75, current: 0.25 },
 * //  { bin: '> 2', reference: 0, current: 0.25 }]
 */
export function histogramRows(
  reference: NumericHistogram | CategoricalHistogram,
  current: NumericHistogram | CategoricalHistogram,
  edge: (v: number) => string = plainEdge,
): HistogramRow[] {
  if ('edges' in reference && 'edges' in current) return numericRows(reference, current, edge);
  if ('categories' in reference && 'categories' in current) {
    const r = shares(reference.counts, reference.other);
    const c = shares(current.counts, current.other);
    const cur = new Map(current.categories.map((k, i) => [k, c[i] ?? 0]));
    const rows = reference.categories.map((k, i) => ({
      bin: k,
      reference: r[i] ?? 0,
      current: cur.get(k) ?? 0,
    }));
    for (const k of current.categories) {
      if (!reference.categories.includes(k)) rows.push({ bin: k, reference: 0, current: cur.get(k) ?? 0 });
    }
    return rows;
  }
  return [];
}
