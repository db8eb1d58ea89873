export * from './contract/index.ts';
export { ConfigSchema, type SodaiConfig, type SodaiConfigInput } from './config/config-schema.ts';
export { loadConfig, dataPaths, type DataPaths, type ResolvedConfig } from './config/load-config.ts';
export { SodaiError, isSodaiError, type SodaiErrorCode } from './errors.ts';
export { RawStore, openEmbeddedStore, type IngestionRecord, type StoreSummary } from './store/raw-store.ts';
export { ingestFile, type IngestOptions } from './data/ingest/ingest-file.ts';
export { ingestBatches, loadInitialData, batchFilesIn } from './data/load-data.ts';
export type { ValidationReport, CheckResult, FatalProblem } from './data/ingest/validation-report.ts';
export { splitWeeks, type WeekBatch } from './data/split-weeks.ts';
export { generateData, type GenerationResult } from './data/generator/generate.ts';
export type { GeneratorOptions } from './data/generator/generator-options.ts';
export * from './serve/index.ts';
export { buildWeeklyDag, WEEKLY_DAG_ID, WeeklyParamsSchema, type WeeklyParams } from './flows/weekly-dag.ts';
export { createFlowEnv, type FlowEnv } from './flows/flow-env.ts';
export { startPipelineRuntime, type PipelineRuntime } from './flows/pipeline-runtime.ts';
export {
  ModelHolder,
  registryModelProvider,
  type ModelHolderOptions,
  type ModelProvider,
  type ReloadOutcome,
} from './scoring/model-holder.ts';
export { ServingModel, loadServingModel, type NotServable } from './scoring/serving-model.ts';
export { FeatureStore, FEATURE_INDEX, type RowRange } from './scoring/feature-store.ts';
export {
  Catalog,
  type CatalogCustomer,
  type CatalogProduct,
  type PopularProduct,
} from './scoring/catalog.ts';
export { recommend, type RecommendQuery } from './scoring/recommender.ts';
export { reasonText, type ReasonFacts } from './scoring/reasons.ts';
export { TOP_CONTRIBUTIONS, type ShapMethod } from './scoring/explanations.ts';
export { ChatAssistant, type ChatQuestion, type ChatReply } from './chat/assistant.ts';
export {
  PredictionLog,
  PREDICTION_LOG_TABLE,
  type PredictionLogOptions,
  type LoggedRoute,
} from './monitor/prediction-log.ts';
export { ServerMetrics } from './monitor/server-metrics.ts';
export { DbLane } from './store/db-lane.ts';
export { PREDICTION_TABLE } from './features/prediction-dataset.ts';
export { trainAndGate, type TrainAndGateOutcome } from './jobs/train-and-gate.ts';
export { trainChallenger, type TrainOutcome } from './jobs/train.ts';
export { gateChallenger, promoteChallenger, type GateDecision } from './jobs/gate.ts';
export { predictWeek, predictWithChampion, fallbackRule, type PredictionOutcome } from './jobs/predict.ts';
export { weekContext, type WeekContext } from './jobs/week-context.ts';
export { decideRetrain, type RetrainDecision, type RetrainFacts } from './model/retrain-policy.ts';
export { FEATURES, FEATURE_NAMES, type FeatureSpec } from './contract/feature-vector.ts';
