import type { DuckDBConnection } from '@duckdb/node-api';
import {
  createReference,
  ThresholdCalibrator,
  type CalibratedThresholds,
  type ColumnInput,
  type ReferenceSnapshot,
} from '@sodai/drift';
import { FEATURES } from '../contract/feature-vector.ts';
import type { TrainingPlan } from '../features/cutoff-plan.ts';
import { everyNthRow, type DatasetMatrix } from '../features/dataset-matrix.ts';

/** The model's inputs as drift columns: numeric features as typed arrays, categorical codes as their names. */
export function featureColumns(matrix: DatasetMatrix): ColumnInput[] {
  const F = FEATURES.length;
  return FEATURES.map((feature, j) => {
    if (feature.type === 'categorical') {
      const values = Array.from({ length: matrix.rows }, (_, r) => {
        const code = matrix.features[r * F + j]!;
        return Number.isNaN(code) ? null : (feature.categories![code] ?? null);
      });
      return { name: feature.name, kind: 'categorical' as const, values };
    }
    const values = new Float32Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) values[r] = matrix.features[r * F + j]!;
    return { name: feature.name, kind: 'numeric' as const, values };
  });
}

export function labelCounts(matrix: DatasetMatrix, missed: number): { positives: number; total: number } {
  let positives = missed;
  for (let i = 0; i < matrix.rows; i++) if (matrix.labels[i]! > 0.5) positives++;
  return { positives, total: matrix.rows + missed };
}

/**
 * The compact snapshot saved with a model version: its latest week's inputs, scores and purchase rate,
 * and the thresholds calibrated on the weeks before it.
 */
export function referenceSnapshot(
  matrix: DatasetMatrix,
  scores: Float32Array,
  missed: number,
  thresholds?: CalibratedThresholds,
): ReferenceSnapshot {
  return createReference(featureColumns(matrix), {
    predictions: scores,
    labels: labelCounts(matrix, missed),
    ...(thresholds ? { thresholds } : {}),
  });
}

/**
 * Weeks of history each column's drift threshold is learnt from: a quarter, enough for a season's ordinary
 * swings (a holiday, a slow summer week) to be seen, recent enough for today's mix.
 */
const CALIBRATION_WEEKS = 13;

/**
 * Rows per week the feature thresholds are learnt from: a systematic sample. Sorting every column of
 * every week was most of the calibration's cost (~10 s of a training on the real data); the sampling
 * noise a 20,000-row sample adds (about σ/√20,000) is far below the distances' floors (0.1).
 */
const CALIBRATION_SAMPLE_ROWS = 20_000;

/** The cut-offs thresholds are calibrated on: the plan's latest weeks, ending with its test week (the reference). */
function calibrationCutoffs(plan: TrainingPlan): string[] {
  return [...plan.trainCutoffs, ...plan.validationCutoffs, plan.testCutoff].slice(-CALIBRATION_WEEKS);
}

/**
 * Thresholds for both drift checks, learnt from how far the calibration weeks lie from each other. A
 * reference is compared with weeks up to `maxAgeWeeks` later (by then the retrain policy trains a
 * challenger), so week pairs up to that far apart are compared. With fewer than two weeks of history nothing is calibrated and
 * the package defaults apply.
 */
export async function calibrateDriftThresholds(
  connection: DuckDBConnection,
  plan: TrainingPlan,
  maxAgeWeeks: number,
  /** A cut-off's dataset rows (training has them in memory already). */
  rowsOf: (cutoff: string) => Promise<DatasetMatrix>,
): Promise<{ features?: CalibratedThresholds; lines?: CalibratedThresholds }> {
  const cutoffs = calibrationCutoffs(plan);
  if (cutoffs.length < 2) return {};
  const features = new ThresholdCalibrator({ maxLag: maxAgeWeeks });
  const lines = new ThresholdCalibrator({ maxLag: maxAgeWeeks });
  // One week at a time: a calibrator keeps only the snapshots it still compares with.
  for (const cutoff of cutoffs) {
    const rows = await rowsOf(cutoff);
    features.add(featureColumns(everyNthRow(rows, Math.ceil(rows.rows / CALIBRATION_SAMPLE_ROWS))));
    lines.add(await weekTransactionColumns(connection, cutoff));
  }
  return { features: features.thresholds(), lines: lines.thresholds() };
}

/**
 * Raw lines of one week (purchases only): basket sizes and product mix react at once when buying changes.
 * Quantities are compared on a log scale: a few pallet-sized lines among many small ones make the raw
 * spread so wide that even halved baskets moved the normed distance less than an ordinary week does.
 */
export async function weekTransactionColumns(
  connection: DuckDBConnection,
  cutoff: string,
): Promise<ColumnInput[]> {
  const reader = await connection.runAndReadAll(
    `SELECT items, product_id::VARCHAR AS product FROM transactions
     WHERE purchase_date >= DATE '${cutoff}' AND purchase_date < DATE '${cutoff}' + 7 AND items > 0
     ORDER BY customer_id, product_id, order_id`,
  );
  const rows = reader.getRows();
  return [
    {
      name: 'line_items_log',
      kind: 'numeric',
      values: Float64Array.from(rows, (r) => Math.log(Number(r[0]))),
    },
    { name: 'line_product', kind: 'categorical', values: rows.map((r) => String(r[1])) },
  ];
}
