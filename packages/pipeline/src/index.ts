export {
  Dag,
  defineDag,
  type AnyDag,
  type DagJson,
  type DagNodeJson,
  type DagOptions,
  type ParamsSchema,
} from './dag/dag.ts';
export { PipelineError, UnrecoverableTaskError, isPipelineError, type PipelineErrorCode } from './errors.ts';
export type { ExecutionEnv, Executor } from './executors/executor.ts';
export { InlineExecutor, type InlineExecutorOptions } from './executors/inline-executor.ts';
export {
  ProcessExecutor,
  serveAttempts,
  runAttemptAndReport,
  type AttemptCommand,
  type ProcessExecutorOptions,
} from './executors/process-executor.ts';
export {
  createFileSensor,
  type FileSensor,
  type FileSensorDeps,
  type FileSensorOptions,
  type SensedChange,
  type SensedFile,
} from './schedule/file-sensor.ts';
export {
  createOrchestrator,
  type Orchestrator,
  type OrchestratorFileSensorOptions,
  type OrchestratorOptions,
  type SchedulerHandle,
  type SchedulerOptions,
  type TriggerOptions,
} from './run/orchestrator.ts';
export { backoffDelayMs, defaultRetryable, shouldRetry, type RetryPolicy } from './run/retry-policy.ts';
export { driveRun, type DriverDeps } from './run/run-driver.ts';
export {
  dueFireTimes,
  fireTimesBetween,
  nextFireTime,
  scheduleRunKey,
  type ScheduleSpec,
} from './schedule/scheduler.ts';
export { isRunFinished, isTaskFailure, isTaskFinished, type RunState, type TaskState } from './run/states.ts';
export { KyselyRunStore, type KyselyRunStoreOptions } from './stores/kysely-run-store.ts';
export type {
  CreateRunInput,
  ExpiredRun,
  ListRunsFilter,
  RecoveredRun,
  RunRecord,
  RunStore,
  RunTrigger,
  TaskInstance,
  TaskLogEntry,
} from './stores/run-store.ts';
export { openSqliteRunStore, type SqliteRunStoreOptions } from './stores/sqlite-run-store.ts';
export type {
  LogLevel,
  TaskContext,
  TaskDefinition,
  TaskFn,
  TaskKind,
  TaskLogger,
  TaskOptions,
  TaskRef,
} from './dag/task.ts';
export { runTaskAttempt, type AttemptOutcome, type TaskAttempt } from './run/task-runner.ts';
export { runSingleTask, type SingleTaskOptions, type SingleTaskOutcome } from './run/single-task.ts';
export { toAirflowDag, type AirflowExportOptions } from './dag/airflow-export.ts';
export {
  TRIGGER_RULES,
  evaluateTriggerRule,
  type TriggerDecision,
  type TriggerRule,
} from './dag/trigger-rules.ts';
