/**
 * A run's life: `queued` (waiting for a `maxActiveRuns` slot) → `running` → `success` | `failed`.
 * A run is never left `running` by a dead process: `recover()` resumes it (see orchestrator.ts).
 */
export type RunState = 'queued' | 'running' | 'success' | 'failed';

/**
 * A task instance's life within a run: `pending` → `running` → `success` | `failed` | `up_for_retry`
 * (→ `running` again), or straight from `pending` to `skipped` / `upstream_failed` by its trigger rule.
 */
export type TaskState =
  'pending' | 'running' | 'up_for_retry' | 'success' | 'failed' | 'skipped' | 'upstream_failed';

/**
 * Whether a run reached its final state.
 *
 * @example
 * import { isRunFinished } from '@sodai/pipeline';
 * isRunFinished('success'); // true
 */
export function isRunFinished(state: RunState): state is 'success' | 'failed' {
  return state === 'success' || state === 'failed';
}

/**
 * Whether a task instance reached a final state (nothing will run it again in this run).
 *
 * @example
 * import { isTaskFinished } from '@sodai/pipeline';
 * isTaskFinished('up_for_retry'); // false
 */
export function isTaskFinished(
  state: TaskState,
): state is 'success' | 'failed' | 'skipped' | 'upstream_failed' {
  return state === 'success' || state === 'failed' || state === 'skipped' || state === 'upstream_failed';
}

/** Whether a final task state counts as a failure for trigger rules and the run's outcome. */
export function isTaskFailure(state: TaskState): boolean {
  return state === 'failed' || state === 'upstream_failed';
}
