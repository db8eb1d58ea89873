import type { NumericValues } from '../columns.ts';
import { DEFAULT_SNAPSHOT_SETTINGS } from '../snapshot/create-reference.ts';
import type { NumericColumnSnapshot } from '../snapshot/reference-snapshot.ts';
import { compareColumn, prepareCurrent } from './column-drift.ts';
import type { ColumnDrift } from './drift-report.ts';
import { DEFAULT_SMALL_SAMPLE_MAX, DEFAULT_THRESHOLDS, type DriftMethod } from './methods.ts';
import { fromNumericSnapshot, prepareNumeric, rawSettings } from './prepared-reference.ts';
import { deepFreeze } from '../deep-freeze.ts';

/** Options of {@link predictionDrift}. */
export interface PredictionDriftOptions {
  /** Default: KS up to 1000 reference scores, normed Wasserstein beyond. */
  readonly method?: 'ks' | 'wasserstein' | 'psi';
  readonly threshold?: number;
  readonly smallSampleMax?: number;
}

/**
 * Prediction drift: has the distribution of the model's scores moved? The score column is compared like a
 * numeric feature, against raw reference scores or the `predictions` of a snapshot.
 *
 * @example
 * const r = predictionDrift(snapshot.predictions!, weekScores);
 * if (r.drifted) console.log(`scores moved: ${r.method} = ${r.statistic.toFixed(3)}`);
 */
export function predictionDrift(
  reference: NumericColumnSnapshot | NumericValues,
  current: NumericValues,
  options: PredictionDriftOptions = {},
): ColumnDrift {
  const ref = ArrayBuffer.isView(reference)
    ? prepareNumeric(
        'prediction',
        reference,
        rawSettings(DEFAULT_SNAPSHOT_SETTINGS.bins, DEFAULT_SNAPSHOT_SETTINGS.quantiles),
      )
    : fromNumericSnapshot(reference);
  const method: DriftMethod | undefined = options.method;
  const comparison = compareColumn(
    'prediction',
    ref,
    prepareCurrent({ name: 'prediction', kind: 'numeric', values: current }),
    {
      method,
      threshold: options.threshold,
      thresholds: DEFAULT_THRESHOLDS,
      smallSampleMax: options.smallSampleMax ?? DEFAULT_SMALL_SAMPLE_MAX,
      missingShareThreshold: 0.05,
      missingPValue: 0.05,
      maxNewCategories: 0,
    },
  );
  return deepFreeze({
    name: 'prediction',
    kind: 'numeric',
    ...comparison,
    driftedVsReference: comparison.drifted,
    thresholdSource: options.threshold === undefined ? 'default' : 'override',
  });
}
