export { TrackingError, isTrackingError, type TrackingErrorCode } from './errors.ts';
export { TrackingClient, type TrackingClientOptions, type StartRunOptions } from './client.ts';
export { openTracking, isPostgresUrl, type OpenTrackingOptions } from './open-tracking.ts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite.ts';
export { ActiveRun, artifactKey, type ActiveRunOptions, type ParamValue } from './runs/active-run.ts';
export {
  isTerminal,
  isRunStatus,
  RUN_STATUSES,
  type RunStatus,
  type TerminalRunStatus,
} from './runs/run-status.ts';
export {
  parseRunFilter,
  parseRunOrder,
  parseStatuses,
  COMPARISON_OPS,
  type ComparisonOp,
  type RunClause,
  type RunFieldKind,
  type RunOrder,
  type RunOrderField,
  type RunSearch,
} from './runs/run-filter.ts';
export { isProcessAlive } from './runs/process-liveness.ts';
export type { DeletedRuns } from './runs/delete-run-tree.ts';
export type { TrackingStore, CreateRunInput, ReapOptions } from './store/tracking-store.ts';
export { KyselyTrackingStore, type KyselyStoreOptions, type SqlDialectName } from './store/kysely-store.ts';
export { migrateToLatest } from './store/migrate.ts';
export { MIGRATIONS } from './store/migrations/index.ts';
export type { Database } from './store/schema.ts';
export type {
  ArtifactRecord,
  DatasetInput,
  Experiment,
  MetricPoint,
  Param,
  Run,
  RunDetails,
  Tag,
} from './store/records.ts';
export type { ArtifactInfo, ArtifactStore, StoredObject } from './artifacts/artifact-store.ts';
export type { UnreferencedArtifact } from './artifacts/unreferenced-artifacts.ts';
export { LocalArtifactStore } from './artifacts/local-artifact-store.ts';
export { digestBytes, digestFile } from './artifacts/digest.ts';
export { ModelRegistry, type LoadedModel, type ModelLineage } from './registry/model-registry.ts';
export {
  isServable,
  type AliasAction,
  type AliasHistoryEntry,
  type AliasMoveOptions,
  type CreateModelVersionInput,
  type GateResult,
  type ModelAlias,
  type ModelSignature,
  type ModelVersion,
  type ModelVersionStatus,
  type RegisteredModel,
} from './registry/records.ts';
export {
  runsList,
  findRuns,
  formatRunsList,
  runsShow,
  runsCompare,
  formatRunDetails,
  formatRunsComparison,
  modelsList,
  modelsShow,
  modelsPromote,
  modelsRollback,
  formatHistory,
  formatTable,
  formatTime,
  formatDuration,
  formatNumber,
  type RunsListOptions,
  type PromoteOptions,
  type RollbackOptions,
} from './cli/index.ts';
