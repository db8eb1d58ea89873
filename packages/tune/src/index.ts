export { TuneError, TrialPruned, errorText, type TuneErrorCode } from './errors.ts';
export {
  categoricalDistribution,
  contains,
  distributionsEqual,
  floatDistribution,
  intDistribution,
  isSingleValued,
  toExternal,
  toInternal,
  type CategoricalChoice,
  type CategoricalDistribution,
  type Distribution,
  type FloatDistribution,
  type IntDistribution,
  type NumericOptions,
  type ParamValue,
} from './distributions.ts';
export {
  isFinished,
  lastStep,
  type FinishedTrialState,
  type FrozenTrial,
  type JsonValue,
  type TrialState,
} from './trial/frozen-trial.ts';
export { Trial } from './trial/trial.ts';
export { Study, type StudyOptions, type TellOutcome } from './study/study.ts';
export {
  createStudy,
  loadStudy,
  type CreateStudyOptions,
  type LoadStudyOptions,
} from './study/create-study.ts';
export type { Objective, OptimizeOptions } from './study/optimize.ts';
export {
  exportTrials,
  optimizationHistory,
  toCsv,
  type HistoryPoint,
  type TrialRow,
} from './study/export.ts';
export type { RelativeSample, Sampler, SamplerContext } from './samplers/sampler.ts';
export { RandomSampler, type RandomSamplerOptions } from './samplers/random-sampler.ts';
export { TpeSampler, defaultGamma, defaultWeights, type TpeSamplerOptions } from './samplers/tpe-sampler.ts';
export { ParzenEstimator, type ParzenEstimatorParameters } from './samplers/parzen-estimator.ts';
export { intersectionSearchSpace } from './samplers/search-space.ts';
export { NopPruner, type Pruner, type PrunerContext } from './pruners/pruner.ts';
export { MedianPruner, type MedianPrunerOptions } from './pruners/median-pruner.ts';
export {
  SuccessiveHalvingPruner,
  type SuccessiveHalvingPrunerOptions,
} from './pruners/successive-halving-pruner.ts';
export {
  staleError,
  type Direction,
  type Storage,
  type StudyRecord,
  type TrialInit,
  type TrialResult,
} from './storages/storage.ts';
export { InMemoryStorage } from './storages/in-memory-storage.ts';
export { SqlStorage, type SqlStorageOptions } from './storages/sql-storage.ts';
export type { SqlDialectName, TuneDatabase } from './storages/sql-schema.ts';
export { openSqliteStorage, type SqliteStorageOptions } from './storages/sqlite-storage.ts';
export { paramImportances, type ImportanceOptions } from './importance.ts';
