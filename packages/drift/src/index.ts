export { DriftError, type DriftErrorCode } from './errors.ts';
export {
  normalizeColumns,
  type CategoricalValues,
  type ColumnInput,
  type ColumnKind,
  type ColumnsInput,
  type NormalizedColumn,
  type NumericValues,
} from './columns.ts';
export {
  createReference,
  DEFAULT_SNAPSHOT_SETTINGS,
  type CreateReferenceOptions,
} from './snapshot/create-reference.ts';
export { parseReference } from './snapshot/parse-reference.ts';
export { toLabelRate, type LabelInput } from './snapshot/labels.ts';
export {
  isReferenceSnapshot,
  type CalibratedThreshold,
  type CalibratedThresholds,
  type CategoricalColumnSnapshot,
  type CategoricalHistogram,
  type ColumnSnapshot,
  type LabelRate,
  type NumericColumnSnapshot,
  type NumericHistogram,
  type ReferenceSnapshot,
  type SnapshotSettings,
} from './snapshot/reference-snapshot.ts';
export { detectDrift, type ColumnDriftOptions, type DetectDriftOptions } from './drift/detect-drift.ts';
export {
  calibrateThresholds,
  ThresholdCalibrator,
  type CalibrateThresholdsOptions,
} from './drift/threshold-calibrator.ts';
export {
  isNumericHistogram,
  type ColumnDrift,
  type DriftReport,
  type DriftVerdict,
  type ThresholdSource,
} from './drift/drift-report.ts';
export type { Comparison, MissingShareDrift } from './drift/column-drift.ts';
export {
  DEFAULT_SMALL_SAMPLE_MAX,
  DEFAULT_THRESHOLDS,
  defaultMethod,
  isTestMethod,
  type DriftMethod,
} from './drift/methods.ts';
export { labelDrift, type LabelDriftOptions, type LabelDriftResult } from './drift/label-drift.ts';
export { predictionDrift, type PredictionDriftOptions } from './drift/prediction-drift.ts';
export { chiSquareHomogeneity, chiSquareSurvival, type ChiSquareResult } from './stats/chi-square.ts';
export { logGamma, upperRegularizedGamma } from './stats/incomplete-gamma.ts';
export { jensenShannonDistance } from './stats/jensen-shannon.ts';
export { kolmogorovSurvival, ksAsymptoticPValue, ksExactPValue } from './stats/kolmogorov.ts';
export {
  ksStatisticKnots,
  ksStatisticSorted,
  ksTestSorted,
  KS_EXACT_MAX_PRODUCT,
  type KsResult,
  type QuantileKnots,
} from './stats/ks.ts';
export { psi, PSI_MIN_SHARE } from './stats/psi.ts';
export { sortFloat64 } from './stats/sort-float64.ts';
export { quantileSorted, sortedFinite } from './stats/quantile.ts';
export { twoProportionZTest, type TwoProportionResult } from './stats/two-proportion.ts';
export { normedWasserstein, wassersteinKnots, wassersteinSorted } from './stats/wasserstein.ts';
