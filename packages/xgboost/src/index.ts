export { XGBoostError, isXGBoostError, type XGBoostErrorCode } from './errors.ts';
export { libraryCandidates, openLibrary, VENDOR_DIR, type LibraryInfo } from './library.ts';
export { libraryInfo } from './native.ts';
export { DMatrix, type DMatrixOptions, type FeatureType, type InfoField } from './dmatrix.ts';
export {
  Booster,
  type ImportanceType,
  type JsonObject,
  type JsonValue,
  type ModelFormat,
  type TreeNode,
} from './booster.ts';
export { DensePredictor, type DensePredictorOptions } from './dense-predictor.ts';
export { type PredictOptions, type PredictOutput, type Prediction } from './prediction.ts';
export { encodeParams, KNOWN_PARAMS, type Objective, type ParamValue, type XGBoostParams } from './params.ts';
export { parseEvalLine, type EvalResult } from './eval-log.ts';
export { EarlyStopping, isMaximizedMetric } from './early-stopping.ts';
export {
  train,
  type EvalHistory,
  type IterationInfo,
  type TrainCallback,
  type TrainOptions,
  type TrainResult,
} from './train.ts';
export { closeIdleWorkers } from './worker-pool.ts';
