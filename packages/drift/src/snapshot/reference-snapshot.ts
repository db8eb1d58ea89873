import type { DriftMethod } from '../drift/methods.ts';
import type { QuantileKnots } from '../stats/ks.ts';

/**
 * Counts of a numeric column on bins [e0, e1], (e1, e2], …, (e(k−1), ek], plus the values below e0 and above
 * ek (zero for the reference, whose minimum and maximum are e0 and ek). Bins are closed on the right so a
 * point mass sits in one bin.
 */
export interface NumericHistogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly below: number;
  readonly above: number;
}

/** Counts per category, most frequent first, with the rest of a long tail (and unseen values) in `other`. */
export interface CategoricalHistogram {
  readonly categories: readonly string[];
  readonly counts: readonly number[];
  readonly other: number;
}

/** What a snapshot keeps of a numeric column. Counts exclude missing values. */
export interface NumericColumnSnapshot {
  readonly name: string;
  readonly kind: 'numeric';
  readonly count: number;
  readonly missing: number;
  readonly missingShare: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Type-7 quantiles at evenly spaced probabilities from 0 to 1, plus finer knots in both tails. */
  readonly quantiles: QuantileKnots;
  /** Counts on the reference's quantile bins — the bins PSI uses. */
  readonly histogram: NumericHistogram;
  /**
   * Every distinct value with its count, kept when there are at most `exactUpTo` distinct values — small
   * samples and discrete columns (counts, ratings) — so KS and Wasserstein on them are exact.
   */
  readonly exact?: ValueTable;
}

/** Distinct values, ascending, and how often each occurs. */
export interface ValueTable {
  readonly values: readonly number[];
  readonly counts: readonly number[];
}

/** What a snapshot keeps of a categorical column. */
export interface CategoricalColumnSnapshot {
  readonly name: string;
  readonly kind: 'categorical';
  readonly count: number;
  readonly missing: number;
  readonly missingShare: number;
  readonly histogram: CategoricalHistogram;
}

/** One column of a snapshot. */
export type ColumnSnapshot = NumericColumnSnapshot | CategoricalColumnSnapshot;

/** A positive rate as counts: `positives` out of `total` labelled rows. */
export interface LabelRate {
  readonly positives: number;
  readonly total: number;
}

/** The settings a snapshot was built with, kept so a comparison can reproduce them. */
export interface SnapshotSettings {
  readonly bins: number;
  readonly quantiles: number;
  readonly topCategories: number;
  readonly exactUpTo: number;
}

/**
 * A column's threshold learnt from how far ordinary windows of history lie from each other
 * (`ThresholdCalibrator`): the `quantile` of the statistic over the pairs of windows exactly k apart, times
 * `margin`, never below `floor` nor the threshold of a shorter lag, for each k up to `maxLag`.
 */
export interface CalibratedThreshold {
  readonly method: DriftMethod;
  /** The widest threshold, `byLag`'s last (used when the distance to the reference is not given). */
  readonly threshold: number;
  /**
   * `byLag[k − 1]` is the threshold for a window k after the reference, from the pairs exactly k apart; it
   * stops at the largest lag the history held, and later windows use its last entry.
   */
  readonly byLag: readonly number[];
  /** The method's uncalibrated threshold: calibration only ever raises it. */
  readonly floor: number;
  readonly quantile: number;
  readonly margin: number;
  readonly maxLag: number;
  /** Window pairs compared (at most `maxLag` apart), and the statistic's quantile and maximum over them. */
  readonly pairs: number;
  readonly observedQuantile: number;
  readonly observedMax: number;
}

/** Calibrated thresholds by column name. */
export type CalibratedThresholds = Readonly<Record<string, CalibratedThreshold>>;

/**
 * A compact, JSON-serialisable summary of reference data, saved with a model version so drift can be checked
 * later without the raw training data. Frozen.
 */
export interface ReferenceSnapshot {
  readonly format: 'sodai-drift-reference';
  readonly version: 1;
  readonly settings: SnapshotSettings;
  readonly rows: number;
  readonly columns: readonly ColumnSnapshot[];
  /** The model's scores on the reference data, when given. */
  readonly predictions?: NumericColumnSnapshot;
  /** The reference label rate, when given. */
  readonly labels?: LabelRate;
  /** Per-column thresholds calibrated on history; `detectDrift` uses them unless told otherwise. */
  readonly thresholds?: CalibratedThresholds;
}

/**
 * True when a reference is a snapshot rather than raw columns.
 *
 * @example
 * isReferenceSnapshot(createReference({ x: new Float64Array([1, 2]) })); // true
 * isReferenceSnapshot({ x: new Float64Array([1, 2]) }); // false
 */
export function isReferenceSnapshot(value: unknown): value is ReferenceSnapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { format?: unknown }).format === 'sodai-drift-reference'
  );
}
