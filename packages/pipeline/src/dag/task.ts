import type { TriggerRule } from './trigger-rules.ts';

/** A handle on a declared task; `ctx.input(ref)` infers the upstream output type from it. */
export interface TaskRef<Out = unknown> {
  readonly id: string;
  /** Phantom field carrying the output type; never set at runtime. */
  readonly __output?: Out;
}

/** Per-task log lines, stored in the run store and read back with `store.taskLogs(runId, taskId)`. */
export interface TaskLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** What a task function receives. */
export interface TaskContext<P = unknown> {
  readonly runId: string;
  readonly dagId: string;
  readonly taskId: string;
  /** 1 on the first try, 2 on the first retry, ... */
  readonly attempt: number;
  /** The run's validated parameters. */
  readonly params: P;
  /** The run's logical date (schedule fire time, backfill date, or trigger time). */
  readonly logicalDate: Date;
  /** Aborted on timeout or cancellation: pass it on to fetch, child processes, long loops. */
  readonly signal: AbortSignal;
  readonly log: TaskLogger;
  /**
   * The output of a task upstream of this one (directly or transitively) in this run, as stored
   * (JSON round-tripped). Throws INPUT_NOT_AVAILABLE, failing the attempt without retry, when that
   * task is not upstream or did not succeed (e.g. a skipped branch).
   */
  input<T>(task: string | TaskRef<T>): T;
  /** Like {@link input} but `undefined` when the task did not succeed (joins after a branch). */
  maybeInput<T>(task: string | TaskRef<T>): T | undefined;
}

export type TaskFn<P, Out> = (ctx: TaskContext<P>) => Promise<Out> | Out;

/** Options of `dag.task()` and `dag.branch()`. */
export interface TaskOptions {
  /** Tasks (ids or refs) that must reach a state satisfying `triggerRule` first. */
  readonly upstream?: readonly (string | TaskRef)[];
  readonly triggerRule?: TriggerRule;
  /** Retries after the first attempt (default 0). */
  readonly retries?: number;
  /** Delay before the first retry; doubles each time (default 1000 ms). */
  readonly retryDelayMs?: number;
  /** Cap on the retry delay (default 60 000 ms). */
  readonly maxRetryDelayMs?: number;
  /** Fraction of each delay removed at random, from the orchestrator's seeded generator (default 0.2). */
  readonly retryJitter?: number;
  /** Whether an error deserves a retry; `UnrecoverableTaskError` is never retried whatever this says. */
  readonly retryable?: (error: unknown) => boolean;
  /** Per-attempt time limit; on expiry `ctx.signal` aborts and the attempt fails with TASK_TIMEOUT. */
  readonly timeoutMs?: number;
}

export type TaskKind = 'task' | 'branch';

/** A declared task: its function and its resolved options. */
export interface TaskDefinition {
  readonly id: string;
  readonly kind: TaskKind;
  readonly upstream: readonly string[];
  readonly triggerRule: TriggerRule;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly retryJitter: number;
  readonly retryable: (error: unknown) => boolean;
  readonly timeoutMs: number | null;
  readonly fn: TaskFn<never, unknown>;
}
