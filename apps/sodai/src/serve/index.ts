// The serving layer's public surface; `src/index.ts` may re-export it (`export * from './serve/index.ts'`).
export { buildServer, type ServeDeps, type ServeOptions, type ServingHandle } from './build-server.ts';
export {
  ModelHolder,
  registryModelProvider,
  type ModelHolderOptions,
  type ModelProvider,
  type ReloadOutcome,
} from './model-holder.ts';
export { ServingModel, loadServingModel, PREDICTION_TABLE, type NotServable } from './serving-model.ts';
export { FeatureStore, FEATURE_INDEX, type RowRange } from './feature-store.ts';
export { Catalog, type CatalogCustomer, type CatalogProduct, type PopularProduct } from './catalog.ts';
export { recommend, type RecommendQuery } from './recommender.ts';
export { answerChat, classify, detectLang, type ChatDeps } from './chat-assistant.ts';
export {
  PredictionLog,
  PREDICTION_LOG_DDL,
  type PredictionLogOptions,
  type LoggedRoute,
} from './prediction-log.ts';
export { ServerMetrics } from './server-metrics.ts';
export { ERROR_STATUS, errorHandler } from './error-handler.ts';
export { ServeError, isServeError, type ServeErrorCode } from './errors.ts';
export { DbLane } from './db-lane.ts';
export { reasonText, type ReasonFacts } from './reasons.ts';
export { resolveLang } from './language.ts';
export { TOP_CONTRIBUTIONS, type ShapMethod } from './explanations.ts';
