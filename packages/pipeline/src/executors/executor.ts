import type { AnyDag } from '../dag/dag.ts';
import type { RunStore } from '../stores/run-store.ts';
import type { AttemptOutcome, TaskAttempt } from '../run/task-runner.ts';

/** What the orchestrator hands an executor with each attempt. */
export interface ExecutionEnv {
  readonly dag: AnyDag;
  readonly store: RunStore;
}

/**
 * Runs task attempts somewhere. `execute` resolves once the attempt is recorded in the store (by
 * `runTaskAttempt`, wherever it ran) and returns its outcome; it rejects only when the attempt could
 * not run or report (a lost worker, a dead queue), and the orchestrator then records the attempt as
 * interrupted. Executors may run many attempts at once and limit concurrency as they see fit; the
 * orchestrator never dispatches the same attempt twice.
 */
export interface Executor {
  execute(attempt: TaskAttempt, env: ExecutionEnv): Promise<AttemptOutcome>;
  /** Rejects, saying why, while attempts cannot be handed out (a queue's server is down): for readiness checks. */
  check?(): Promise<void>;
  close(): Promise<void>;
}
