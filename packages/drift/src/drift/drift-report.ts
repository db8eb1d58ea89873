import type { ColumnKind } from '../columns.ts';
import type {
  CalibratedThreshold,
  CategoricalHistogram,
  NumericHistogram,
} from '../snapshot/reference-snapshot.ts';
import type { Comparison } from './column-drift.ts';
import type { LabelDriftResult } from './label-drift.ts';

/**
 * Where a column's threshold came from: the caller's per-column (or prediction) threshold, the reference's
 * calibrated one, or the method's (`DEFAULT_THRESHOLDS` merged with the `thresholds` option).
 */
export type ThresholdSource = 'override' | 'calibrated' | 'default';

/**
 * The drift of one column. The top-level fields compare with the (recent) reference; `drifted` is the
 * verdict after the seasonal rule, when a seasonal reference was given.
 */
export interface ColumnDrift extends Comparison {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Drifted against the recent reference, before the seasonal rule. */
  readonly driftedVsReference: boolean;
  readonly thresholdSource: ThresholdSource;
  /** How the threshold was calibrated, when it was (`thresholdSource: 'calibrated'`). */
  readonly calibration?: CalibratedThreshold;
  /** The same comparison against the seasonal reference (same method and threshold), when one was given. */
  readonly seasonal?: Comparison;
}

/** The dataset verdict. */
export interface DriftVerdict {
  readonly drifted: boolean;
  readonly reason: string;
}

/** The JSON report of {@link detectDrift}: frozen, and JSON-serialisable as is (no NaN or Infinity). */
export interface DriftReport {
  readonly columns: readonly ColumnDrift[];
  readonly driftedColumns: number;
  readonly shareDrifted: number;
  readonly shareThreshold: number;
  readonly verdict: DriftVerdict;
  readonly seasonal: boolean;
  /** The `lag` option: how many windows after the reference the current data comes, when given. */
  readonly lag?: number;
  /** Current columns the reference does not have (not compared). */
  readonly ignoredColumns: readonly string[];
  /** Drift of the model's score distribution, when scores were given. */
  readonly predictionDrift?: ColumnDrift;
  /** Drift of the label rate, when labels were given. */
  readonly labelDrift?: LabelDriftResult & {
    readonly driftedVsReference: boolean;
    readonly seasonal?: LabelDriftResult;
  };
}

/**
 * True for a numeric column's histogram, false for a categorical one.
 *
 * @example
 * const h = report.columns[0]!.currentHistogram;
 * if (isNumericHistogram(h)) console.log(h.edges, h.counts);
 */
export function isNumericHistogram(h: NumericHistogram | CategoricalHistogram): h is NumericHistogram {
  return 'edges' in h;
}
