// The serving layer's public surface; `src/index.ts` may re-export it (`export * from './serve/index.ts'`).
export { buildServer, type ServeDeps, type ServeOptions, type ServingHandle } from './build-server.ts';
export {
  ModelHolder,
  registryModelProvider,
  type ModelHolderOptions,
  type ModelProvider,
  type ReloadOutcome,
} from '../scoring/model-holder.ts';
export {
  ServingModel,
  loadServingModel,
  PREDICTION_TABLE,
  type NotServable,
} from '../scoring/serving-model.ts';
export { FeatureStore, FEATURE_INDEX, type RowRange } from '../scoring/feature-store.ts';
export {
  Catalog,
  type CatalogCustomer,
  type CatalogProduct,
  type PopularProduct,
} from '../scoring/catalog.ts';
export { recommend, type RecommendQuery } from '../scoring/recommender.ts';
export { ChatAssistant, type ChatQuestion, type ChatReply } from '../chat/assistant.ts';
export {
  PredictionLog,
  PREDICTION_LOG_DDL,
  type PredictionLogOptions,
  type LoggedRoute,
} from '../monitor/prediction-log.ts';
export { ServerMetrics } from '../monitor/server-metrics.ts';
export { ERROR_STATUS, errorHandler } from './error-handler.ts';
export { DbLane } from '../store/db-lane.ts';
export { reasonText, type ReasonFacts } from '../scoring/reasons.ts';
export { resolveLang } from './language.ts';
export { TOP_CONTRIBUTIONS, type ShapMethod } from '../scoring/explanations.ts';
