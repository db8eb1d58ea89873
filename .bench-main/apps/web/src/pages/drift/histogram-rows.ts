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

/**
 * Reference and current histograms as rows of shares on the same bins. Numeric bins are labelled by
 * their lower edge; categories follow the reference's order, then those only the current side has.
 *
 * @example
 * histogramRows({ edges: [0, 1, 2], counts: [1, 3] }, { edges: [0, 1, 2], counts: [2, 2] });
 * // [{ bin: '0', reference: 0.25, current: 0.5 }, { bin: '1', reference: 0.75, current: 0.5 }]
 */
export function histogramRows(
  reference: NumericHistogram | CategoricalHistogram,
  current: NumericHistogram | CategoricalHistogram,
): HistogramRow[] {
  if ('edges' in reference && 'edges' in current) {
    const r = shares(reference.counts);
    const c = shares(current.counts);
    return reference.counts.map((_, i) => ({
      bin: formatEdge(reference.edges[i] ?? 0),
      reference: r[i] ?? 0,
      current: c[i] ?? 0,
    }));
  }
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

function formatEdge(v: number): string {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3);
}
