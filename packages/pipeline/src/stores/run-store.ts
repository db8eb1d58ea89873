import type { DagJson } from '../dag/dag.ts';
import type { LogLevel } from '../dag/task.ts';
import type { RunState, TaskState } from '../run/states.ts';
import type { ExpiredRun } from './run-retention.ts';

export type { ExpiredRun } from './run-retention.ts';

export type RunTrigger = 'manual' | 'schedule' | 'backfill' | 'sensor';

/** A DAG run as stored (frozen). */
export interface RunRecord {
  readonly id: string;
  readonly dagId: string;
  readonly state: RunState;
  readonly trigger: RunTrigger;
  /** Unique per DAG when set: `schedule`/`backfill` runs use the logical date, so none is created twice. */
  readonly runKey: string | null;
  readonly params: unknown;
  readonly logicalDate: Date;
  /** The DAG's structure when the run was created (a later code change does not rewrite history). */
  readonly dag: DagJson;
  /** `pid@host` of the orchestrator driving the run, so a restart can tell its own dead runs. */
  readonly owner: string | null;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

/** One task of one run (frozen). */
export interface TaskInstance {
  readonly runId: string;
  readonly taskId: string;
  readonly state: TaskState;
  /** Attempts started so far (0 before the first). */
  readonly attempt: number;
  /** The JSON output, present only in `success` (written in the same transaction as the state). */
  readonly output: unknown;
  readonly error: string | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface TaskLogEntry {
  readonly runId: string;
  readonly taskId: string;
  readonly attempt: number;
  readonly level: LogLevel;
  readonly message: string;
  readonly at: Date;
}

export interface CreateRunInput {
  readonly id: string;
  readonly dag: DagJson;
  readonly trigger: RunTrigger;
  readonly runKey?: string | null;
  readonly params: unknown;
  readonly logicalDate: Date;
}

export interface ListRunsFilter {
  readonly dagId?: string;
  readonly states?: readonly RunState[];
  readonly trigger?: RunTrigger;
  /** Newest first by creation (default) or by logical date. */
  readonly orderBy?: 'createdAt' | 'logicalDate';
  /** Default 100. */
  readonly limit?: number;
}

/** What `recoverInterrupted` did to one run. */
export interface RecoveredRun {
  readonly runId: string;
  /** Tasks that were `running` when the owner died: now `up_for_retry` (attempts left) or `failed`. */
  readonly interruptedTasks: readonly string[];
}

/**
 * Where runs, task instances, logs and sensor memory live. Every method that changes state is one
 * transaction and names the transition it makes; a transition from the wrong state throws
 * `PipelineError('INVALID_TRANSITION')` and changes nothing, so two processes racing on the same task
 * cannot both win. Reads return frozen records. Implementations: SQLite (`openSqliteRunStore`) and
 * Postgres (`@sodai/pipeline/postgres`), checked by one conformance suite.
 */
export interface RunStore {
  /** Inserts a `queued` run and one `pending` instance per DAG node. RUN_EXISTS if `runKey` is taken for the DAG. */
  createRun(input: CreateRunInput): Promise<RunRecord>;
  /** `queued` → `running`, recording the owner. */
  startRun(runId: string, owner: string): Promise<RunRecord>;
  /** `pending` | `up_for_retry` → `running`, attempt := `attempt` (which must be the stored attempt + 1). */
  claimTask(runId: string, taskId: string, attempt: number): Promise<TaskInstance>;
  /** `running` (same attempt) → `success`, storing `output` as JSON in the same transaction. */
  completeTask(runId: string, taskId: string, attempt: number, output: unknown): Promise<TaskInstance>;
  /** `running` (same attempt) → `up_for_retry` when `retry`, else `failed`. */
  failTask(
    runId: string,
    taskId: string,
    attempt: number,
    error: string,
    retry: boolean,
  ): Promise<TaskInstance>;
  /** `pending` → `skipped` | `upstream_failed` (trigger rules and branches). */
  skipTask(runId: string, taskId: string, state: 'skipped' | 'upstream_failed'): Promise<TaskInstance>;
  appendLog(runId: string, taskId: string, attempt: number, level: LogLevel, message: string): Promise<void>;
  /** `running` → `success` | `failed`. */
  finishRun(runId: string, state: 'success' | 'failed', error?: string | null): Promise<RunRecord>;
  listRuns(filter?: ListRunsFilter): Promise<readonly RunRecord[]>;
  /** RUN_NOT_FOUND when missing. */
  getRun(runId: string): Promise<RunRecord>;
  /** In the DAG's declaration order; only `taskIds` when given (a task reading its inputs). */
  taskInstances(runId: string, taskIds?: readonly string[]): Promise<readonly TaskInstance[]>;
  /** In the order written. */
  taskLogs(runId: string, taskId: string): Promise<readonly TaskLogEntry[]>;
  /**
   * For every `running` run whose owner `isOwnerDead` says is gone: its `running` tasks count the
   * interrupted attempt as failed (→ `up_for_retry` if the stored DAG gives retries left, else
   * `failed`) and the run's owner becomes `newOwner`, all in one transaction per run. The caller then
   * resumes driving those runs.
   */
  recoverInterrupted(
    newOwner: string,
    isOwnerDead: (owner: string | null) => boolean,
  ): Promise<readonly RecoveredRun[]>;
  /**
   * Finished runs (`success` | `failed`) that ended before `finishedBefore`, oldest first, for
   * retention. Never lists a DAG's latest scheduled run: the scheduler catches up from it.
   */
  expiredRuns(finishedBefore: Date): Promise<readonly ExpiredRun[]>;
  /**
   * One transaction: deletes those of `runIds` that are finished, with their task instances and logs;
   * queued or running runs, unknown ids and each DAG's latest scheduled run are left alone. Returns
   * the ids deleted, sorted.
   */
  deleteFinishedRuns(runIds: readonly string[]): Promise<readonly string[]>;
  /** The subset of `keys` not yet remembered for `sensorId`. */
  unseen(sensorId: string, keys: readonly string[]): Promise<readonly string[]>;
  /** Remembers `keys` for `sensorId` and returns those not seen before (atomically: each key is new once). */
  markSeen(sensorId: string, keys: readonly string[]): Promise<readonly string[]>;
  close(): Promise<void>;
}
