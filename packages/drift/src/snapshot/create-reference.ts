import {
  normalizeColumns,
  type ColumnsInput,
  type NormalizedColumn,
  type NumericValues,
} from '../columns.ts';
import { deepFreeze } from '../deep-freeze.ts';
import { DriftError } from '../errors.ts';
import { sortedFinite } from '../stats/quantile.ts';
import { toLabelRate, type LabelInput } from './labels.ts';
import type {
  CalibratedThresholds,
  ColumnSnapshot,
  ReferenceSnapshot,
  SnapshotSettings,
} from './reference-snapshot.ts';
import { summarizeColumn, summarizeNumeric } from './summarize.ts';

/**
 * Defaults of {@link createReference}.
 *
 * @example
 * createReference(columns, { ...DEFAULT_SNAPSHOT_SETTINGS, bins: 20 });
 */
export const DEFAULT_SNAPSHOT_SETTINGS: SnapshotSettings = Object.freeze({
  bins: 10,
  quantiles: 101,
  topCategories: 100,
  exactUpTo: 1000,
});

/** Options of {@link createReference}. */
export interface CreateReferenceOptions {
  /** Equal-frequency bins for histograms and PSI. Default 10. */
  readonly bins?: number;
  /** Evenly spaced quantile knots per numeric column, from min to max, besides six tail knots. Default 101 (percentiles). */
  readonly quantiles?: number;
  /** Categories kept per categorical column; the rest go to `other`. Default 100. */
  readonly topCategories?: number;
  /**
   * Numeric columns with at most this many distinct values keep a value table (value → count), so KS and
   * Wasserstein stay exact for small samples and discrete columns. Default 1000, the size up to which KS is
   * the default method. 0 keeps none.
   */
  readonly exactUpTo?: number;
  /** The model's scores on the reference data, for prediction drift. */
  readonly predictions?: NumericValues;
  /** The labels of the reference data, for label drift. */
  readonly labels?: LabelInput;
  /** Per-column thresholds from `calibrateThresholds`, stored so every later check uses them. */
  readonly thresholds?: CalibratedThresholds;
}

function settingsFrom(options: CreateReferenceOptions): SnapshotSettings {
  const s = {
    bins: options.bins ?? DEFAULT_SNAPSHOT_SETTINGS.bins,
    quantiles: options.quantiles ?? DEFAULT_SNAPSHOT_SETTINGS.quantiles,
    topCategories: options.topCategories ?? DEFAULT_SNAPSHOT_SETTINGS.topCategories,
    exactUpTo: options.exactUpTo ?? DEFAULT_SNAPSHOT_SETTINGS.exactUpTo,
  };
  if (!Number.isInteger(s.bins) || s.bins < 2)
    throw new DriftError('INVALID_ARGUMENT', `bins must be an integer >= 2`);
  if (!Number.isInteger(s.quantiles) || s.quantiles < 3) {
    throw new DriftError('INVALID_ARGUMENT', `quantiles must be an integer >= 3`);
  }
  if (!Number.isInteger(s.topCategories) || s.topCategories < 1) {
    throw new DriftError('INVALID_ARGUMENT', `topCategories must be an integer >= 1`);
  }
  if (!Number.isInteger(s.exactUpTo) || s.exactUpTo < 0) {
    throw new DriftError('INVALID_ARGUMENT', `exactUpTo must be an integer >= 0`);
  }
  return s;
}

/**
 * Summarises reference data (typically a model's training window) into a compact, frozen, JSON-serialisable
 * {@link ReferenceSnapshot}: per column the count, missing share, quantiles and quantile-bin histogram
 * (numeric) or category counts with an `other` bucket (categorical). Save it with the model version;
 * {@link detectDrift} compares new data to it without the raw reference.
 *
 * @example
 * const snapshot = createReference(
 *   { basket: new Float64Array([3, 5, 4, 6]), region: ['north', 'south', 'north', null] },
 *   { predictions: new Float64Array([0.1, 0.7, 0.3, 0.2]), labels: new Float64Array([0, 1, 0, 0]) },
 * );
 * const json = JSON.stringify(snapshot); // store next to the model
 */
export function createReference(
  columns: ColumnsInput,
  options: CreateReferenceOptions = {},
): ReferenceSnapshot {
  return referenceOf(normalizeColumns(columns), options);
}

/**
 * @internal {@link createReference} over normalized columns, each summarized by `summarize`: the
 * threshold calibrator passes the sorted values it already has rather than sorting every column twice.
 */
export function referenceOf(
  normalized: readonly NormalizedColumn[],
  options: CreateReferenceOptions,
  summarize: (column: NormalizedColumn, settings: SnapshotSettings) => ColumnSnapshot = summarizeColumn,
): ReferenceSnapshot {
  const settings = settingsFrom(options);
  const rows = normalized[0]?.values.length ?? 0;
  const snapshot: ReferenceSnapshot = {
    format: 'sodai-drift-reference',
    version: 1,
    settings,
    rows,
    columns: normalized.map((c) => summarize(c, settings)),
    ...(options.predictions === undefined
      ? {}
      : {
          predictions: summarizeNumeric(
            'prediction',
            sortedFinite(options.predictions),
            options.predictions.length,
            settings,
          ),
        }),
    ...(options.labels === undefined ? {} : { labels: toLabelRate(options.labels) }),
    ...(options.thresholds === undefined ? {} : { thresholds: options.thresholds }),
  };
  return deepFreeze(snapshot);
}
