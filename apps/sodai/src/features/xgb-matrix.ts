import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DMatrix, type Booster } from '@sodai/xgboost';
import { FEATURES, FEATURE_NAMES } from '../contract/feature-vector.ts';
import type { DatasetMatrix } from './dataset-matrix.ts';

const FEATURE_TYPES = FEATURES.map((f) => (f.type === 'categorical' ? ('c' as const) : ('float' as const)));

/** Row-major feature values of the feature contract, as XGBoost takes them (NaN = missing). */
export function featureDMatrix(
  features: Float32Array,
  nrow: number,
  labels?: Float32Array,
  weight?: Float32Array,
): DMatrix {
  return DMatrix.fromDense(features, {
    ncol: FEATURES.length,
    nrow,
    ...(labels ? { label: labels } : {}),
    ...(weight ? { weight } : {}),
    featureNames: FEATURE_NAMES,
    featureTypes: FEATURE_TYPES,
    enableCategorical: true,
  });
}

/** A dataset's rows and labels (and optional per-row weights) as a DMatrix. The caller disposes it. */
export function toDMatrix(matrix: DatasetMatrix, weight?: Float32Array): DMatrix {
  return featureDMatrix(matrix.features, matrix.rows, matrix.labels, weight);
}

export type ScoreOutput = 'probability' | 'contributions' | 'approxContributions';

/**
 * Runs the booster over rows of the feature contract and returns its output (probabilities, or SHAP
 * contributions with F + 1 columns a row). The native matrix is freed on every path, thrown or not.
 *
 * @example
 * const scores = scoreRows(booster, matrix.features, matrix.rows);
 */
export function scoreRows(
  booster: Booster,
  features: Float32Array,
  nrow: number,
  output: ScoreOutput = 'probability',
): Float32Array {
  const d = featureDMatrix(features, nrow);
  try {
    const values = booster.predict(d, {
      iterationRange: 'best',
      ...(output === 'probability' ? {} : { output }),
    }).values;
    return values instanceof Float32Array ? values : Float32Array.from(values);
  } finally {
    d.dispose();
  }
}

/** The booster's probability for every row of a dataset. */
export function scoreMatrix(booster: Booster, matrix: DatasetMatrix): Float32Array {
  return scoreRows(booster, matrix.features, matrix.rows);
}

/**
 * {@link scoreMatrix} in chunks that yield to the event loop between them, for a process that also
 * answers requests (a reload must not stall them).
 */
export async function scoreMatrixYielding(
  booster: Booster,
  matrix: DatasetMatrix,
  chunkRows = 4096,
): Promise<Float32Array> {
  const F = FEATURES.length;
  const scores = new Float32Array(matrix.rows);
  for (let start = 0; start < matrix.rows; start += chunkRows) {
    const n = Math.min(chunkRows, matrix.rows - start);
    scores.set(scoreRows(booster, matrix.features.subarray(start * F, (start + n) * F), n), start);
    await yieldToEventLoop();
  }
  return scores;
}
