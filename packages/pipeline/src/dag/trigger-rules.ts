import type { TaskState } from '../run/states.ts';

/**
 * When a task runs, given its direct upstream tasks (Airflow's names and semantics):
 * - `all_success` (default): every upstream succeeded. A failed upstream makes it `upstream_failed`,
 *   a skipped one (with none failed) makes it `skipped` — this is how a branch's skip propagates.
 * - `all_done`: every upstream finished, whatever the outcome (cleanup, reports).
 * - `one_success`: fires as soon as one upstream succeeded; `skipped` if all were skipped,
 *   otherwise `upstream_failed` once all finished without a success.
 * - `none_failed_min_one_success`: every upstream finished, none failed, at least one succeeded —
 *   the join after a branch. `skipped` if all were skipped.
 */
export type TriggerRule = 'all_success' | 'all_done' | 'one_success' | 'none_failed_min_one_success';

export const TRIGGER_RULES: readonly TriggerRule[] = Object.freeze([
  'all_success',
  'all_done',
  'one_success',
  'none_failed_min_one_success',
]);

/** What to do with a pending task now. */
export type TriggerDecision = 'run' | 'wait' | 'skip' | 'upstream_failed';

/**
 * Applies a trigger rule to the states of a task's direct upstream tasks. A task without
 * upstream tasks always runs.
 *
 * @example
 * import { evaluateTriggerRule } from '@sodai/pipeline';
 * evaluateTriggerRule('all_success', ['success', 'skipped']); // 'skip'
 * evaluateTriggerRule('none_failed_min_one_success', ['success', 'skipped']); // 'run'
 */
export function evaluateTriggerRule(rule: TriggerRule, upstream: readonly TaskState[]): TriggerDecision {
  if (upstream.length === 0) return 'run';
  let success = 0;
  let failed = 0;
  let skipped = 0;
  for (const s of upstream) {
    if (s === 'success') success++;
    else if (s === 'failed' || s === 'upstream_failed') failed++;
    else if (s === 'skipped') skipped++;
  }
  const done = success + failed + skipped;
  const allDone = done === upstream.length;
  switch (rule) {
    case 'all_success':
      if (failed > 0) return 'upstream_failed';
      if (skipped > 0) return 'skip';
      return allDone ? 'run' : 'wait';
    case 'all_done':
      return allDone ? 'run' : 'wait';
    case 'one_success':
      if (success > 0) return 'run';
      if (!allDone) return 'wait';
      return skipped === upstream.length ? 'skip' : 'upstream_failed';
    case 'none_failed_min_one_success':
      if (failed > 0) return 'upstream_failed';
      if (!allDone) return 'wait';
      return success > 0 ? 'run' : 'skip';
  }
}
