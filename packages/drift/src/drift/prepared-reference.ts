import { normalizeColumns, type ColumnsInput } from '../columns.ts';
import { DriftError } from '../errors.ts';
import { toLabelRate, type LabelInput } from '../snapshot/labels.ts';
import {
  isReferenceSnapshot,
  type CalibratedThresholds,
  type CategoricalColumnSnapshot,
  type LabelRate,
  type NumericColumnSnapshot,
  type ReferenceSnapshot,
  type SnapshotSettings,
} from '../snapshot/reference-snapshot.ts';
import { expandValueTable, summarizeCategorical, summarizeNumeric } from '../snapshot/summarize.ts';
import { sortedFinite } from '../stats/quantile.ts';
import type { NumericValues } from '../columns.ts';

/**
 * A reference column ready to compare: its snapshot, plus the sorted raw values when they are known (raw
 * data, or a column small or discrete enough for its snapshot to keep a value table), which makes KS and
 * Wasserstein exact.
 */
export type PreparedColumn =
  | { readonly kind: 'numeric'; readonly snapshot: NumericColumnSnapshot; readonly exact?: ArrayLike<number> }
  | { readonly kind: 'categorical'; readonly snapshot: CategoricalColumnSnapshot };

/** A whole reference (recent or seasonal) ready to compare. */
export interface PreparedReference {
  readonly columns: ReadonlyMap<string, PreparedColumn>;
  readonly order: readonly string[];
  readonly predictions?: PreparedColumn & { kind: 'numeric' };
  readonly labels?: LabelRate;
  /** A snapshot's calibrated thresholds. */
  readonly thresholds?: CalibratedThresholds;
}

/** Raw data's snapshot settings: every category kept, values not copied (the raw array is used directly). */
export function rawSettings(bins: number, quantiles: number): SnapshotSettings {
  return { bins, quantiles, topCategories: Number.MAX_SAFE_INTEGER, exactUpTo: 0 };
}

/** A numeric reference column from raw values. */
export function prepareNumeric(
  name: string,
  values: NumericValues,
  settings: SnapshotSettings,
): PreparedColumn & { kind: 'numeric' } {
  const sorted = sortedFinite(values);
  return {
    kind: 'numeric',
    snapshot: summarizeNumeric(name, sorted, values.length, settings),
    exact: sorted,
  };
}

/** A numeric reference column from its snapshot. */
export function fromNumericSnapshot(snapshot: NumericColumnSnapshot): PreparedColumn & { kind: 'numeric' } {
  return snapshot.exact === undefined
    ? { kind: 'numeric', snapshot }
    : { kind: 'numeric', snapshot, exact: expandValueTable(snapshot.exact) };
}

/** Extras that raw references carry outside the columns. */
export interface RawExtras {
  readonly predictions?: NumericValues;
  readonly labels?: LabelInput;
}

/** Prepares a snapshot or raw columns for comparison. */
export function prepareReference(
  reference: ReferenceSnapshot | ColumnsInput,
  extras: RawExtras,
  bins: number,
  quantiles: number,
): PreparedReference {
  const columns = new Map<string, PreparedColumn>();
  const order: string[] = [];
  if (isReferenceSnapshot(reference)) {
    if (reference.version !== 1 || !Array.isArray(reference.columns)) {
      throw new DriftError(
        'INVALID_SNAPSHOT',
        `unsupported reference snapshot version ${String(reference.version)}`,
      );
    }
    for (const c of reference.columns) {
      columns.set(
        c.name,
        c.kind === 'numeric' ? fromNumericSnapshot(c) : { kind: 'categorical', snapshot: c },
      );
      order.push(c.name);
    }
    const predictions =
      extras.predictions !== undefined
        ? prepareNumeric('prediction', extras.predictions, rawSettings(bins, quantiles))
        : reference.predictions && fromNumericSnapshot(reference.predictions);
    const labels = extras.labels !== undefined ? toLabelRate(extras.labels) : reference.labels;
    return {
      columns,
      order,
      ...(predictions ? { predictions } : {}),
      ...(labels ? { labels } : {}),
      ...(reference.thresholds ? { thresholds: reference.thresholds } : {}),
    };
  }
  const settings = rawSettings(bins, quantiles);
  for (const c of normalizeColumns(reference)) {
    columns.set(
      c.name,
      c.kind === 'numeric'
        ? prepareNumeric(c.name, c.values, settings)
        : { kind: 'categorical', snapshot: summarizeCategorical(c.name, c.values, settings) },
    );
    order.push(c.name);
  }
  return {
    columns,
    order,
    ...(extras.predictions !== undefined
      ? { predictions: prepareNumeric('prediction', extras.predictions, settings) }
      : {}),
    ...(extras.labels !== undefined ? { labels: toLabelRate(extras.labels) } : {}),
  };
}
