import { XGBoostError } from './errors.ts';

/** What a prediction returns. */
export type PredictOutput =
  | 'value'
  | 'margin'
  | 'contributions'
  | 'approxContributions'
  | 'interactions'
  | 'approxInteractions'
  | 'leaf';

const OUTPUT_TYPE: Readonly<Record<PredictOutput, number>> = {
  value: 0,
  margin: 1,
  contributions: 2,
  approxContributions: 3,
  interactions: 4,
  approxInteractions: 5,
  leaf: 6,
};

/** Options shared by every prediction path. */
export interface PredictOptions {
  /**
   * `value` (probabilities for classifiers, the default), `margin` (raw scores), `contributions`
   * (SHAP values per feature plus a bias column), `interactions` (SHAP interaction values), `leaf`
   * (leaf index per tree), and the `approx*` variants (Saabas approximations).
   */
  readonly output?: PredictOutput;
  /**
   * Boosting rounds used: `[begin, end)`, `'all'` (default) or `'best'` (up to and including the best
   * iteration recorded by early stopping; all rounds when none was recorded).
   */
  readonly iterationRange?: readonly [number, number] | 'all' | 'best';
  /** XGBoost's strict shapes: consistent dimensions whatever the model type. */
  readonly strictShape?: boolean;
  /**
   * Threads used. XGBoost keeps the thread count per booster, so this sets the booster's `nthread`
   * parameter (it stays set for later calls).
   */
  readonly nthread?: number;
}

/** A prediction: values in row-major order and their shape (e.g. `[rows]`, `[rows, features + 1]`). */
export interface Prediction {
  readonly values: Float32Array;
  readonly shape: readonly number[];
}

/** Resolves an iteration range to XGBoost's `[begin, end)` (end 0 = all rounds). */
export function resolveRange(
  range: PredictOptions['iterationRange'],
  bestIteration: number | undefined,
): [number, number] {
  if (range === undefined || range === 'all') return [0, 0];
  if (range === 'best') return bestIteration === undefined ? [0, 0] : [0, bestIteration + 1];
  const [begin, end] = range;
  if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || (end !== 0 && end < begin)) {
    throw new XGBoostError('INVALID_ARGUMENT', `invalid iterationRange [${begin}, ${end})`);
  }
  return [begin, end];
}

/** The JSON config string of `XGBoosterPredictFrom*`. */
export function predictConfig(options: PredictOptions, range: [number, number], missing?: number): string {
  const type = OUTPUT_TYPE[options.output ?? 'value'];
  if (type === undefined)
    throw new XGBoostError('INVALID_ARGUMENT', `unknown output "${String(options.output)}"`);
  const parts = [
    `"type":${type}`,
    '"training":false',
    `"iteration_begin":${range[0]}`,
    `"iteration_end":${range[1]}`,
    `"strict_shape":${options.strictShape === true}`,
  ];
  if (missing !== undefined) {
    if (!Number.isNaN(missing) && !Number.isFinite(missing)) {
      throw new XGBoostError('INVALID_ARGUMENT', 'missing must be finite or NaN');
    }
    parts.push(`"missing":${Number.isNaN(missing) ? 'NaN' : missing}`, '"cache_id":0');
  }
  return `{${parts.join(',')}}`;
}
