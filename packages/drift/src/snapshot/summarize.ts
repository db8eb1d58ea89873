import { countCategories, type NormalizedColumn } from '../columns.ts';
import { quantileSorted, sortedFinite } from '../stats/quantile.ts';
import { binSorted, quantileEdges } from './histogram.ts';
import type {
  CategoricalColumnSnapshot,
  CategoricalHistogram,
  NumericColumnSnapshot,
  SnapshotSettings,
} from './reference-snapshot.ts';

/** Mean and population standard deviation (numpy's `std`, which Evidently's normed Wasserstein divides by). */
export function meanStd(sorted: ArrayLike<number>): { mean: number; std: number } {
  const n = sorted.length;
  if (n === 0) return { mean: 0, std: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(ss / n) };
}

/** A numeric column's snapshot from its sorted non-missing values. */
export function summarizeNumeric(
  name: string,
  sorted: Float64Array,
  total: number,
  settings: SnapshotSettings,
): NumericColumnSnapshot {
  const count = sorted.length;
  const missing = total - count;
  const { mean, std } = meanStd(sorted);
  const probs: number[] = [];
  const values: number[] = [];
  if (count > 0) {
    for (let i = 0; i < settings.quantiles; i++) {
      const p = i / (settings.quantiles - 1);
      probs.push(p);
      values.push(quantileSorted(sorted, p));
    }
  }
  const snapshot: NumericColumnSnapshot = {
    name,
    kind: 'numeric',
    count,
    missing,
    missingShare: total > 0 ? missing / total : 0,
    mean,
    std,
    min: count > 0 ? sorted[0]! : 0,
    max: count > 0 ? sorted[count - 1]! : 0,
    quantiles: { probs, values },
    histogram: binSorted(quantileEdges(sorted, settings.bins), sorted),
  };
  return count <= settings.exactUpTo ? { ...snapshot, values: Array.from(sorted) } : snapshot;
}

/** Category counts ordered most frequent first, ties by name, so snapshots are deterministic. */
export function rankCategories(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A categorical column's snapshot: the `topCategories` most frequent values, the rest in `other`. */
export function summarizeCategorical(
  name: string,
  values: readonly (string | null)[],
  settings: SnapshotSettings,
): CategoricalColumnSnapshot {
  const { counts, missing } = countCategories(values);
  const ranked = rankCategories(counts);
  const kept = ranked.slice(0, settings.topCategories);
  let other = 0;
  for (let i = settings.topCategories; i < ranked.length; i++) other += ranked[i]![1];
  const histogram: CategoricalHistogram = {
    categories: kept.map(([c]) => c),
    counts: kept.map(([, n]) => n),
    other,
  };
  const count = values.length - missing;
  return {
    name,
    kind: 'categorical',
    count,
    missing,
    missingShare: values.length > 0 ? missing / values.length : 0,
    histogram,
  };
}

/** The snapshot of one normalized column. */
export function summarizeColumn(
  column: NormalizedColumn,
  settings: SnapshotSettings,
): NumericColumnSnapshot | CategoricalColumnSnapshot {
  if (column.kind === 'numeric') {
    return summarizeNumeric(column.name, sortedFinite(column.values), column.values.length, settings);
  }
  return summarizeCategorical(column.name, column.values, settings);
}
