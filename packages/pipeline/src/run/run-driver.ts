import type { AnyDag } from '../dag/dag.ts';
import { describeError } from '../errors.ts';
import type { Executor } from '../executors/executor.ts';
import { backoffDelayMs } from './retry-policy.ts';
import { isTaskFailure, isTaskFinished, type TaskState } from './states.ts';
import type { RunRecord, RunStore } from '../stores/run-store.ts';
import type { TaskDefinition } from '../dag/task.ts';
import type { AttemptOutcome } from './task-runner.ts';
import { evaluateTriggerRule } from '../dag/trigger-rules.ts';

export interface DriverDeps {
  readonly store: RunStore;
  readonly executor: Executor;
  readonly dag: AnyDag;
  /** Seeded uniform source for retry jitter. */
  readonly random: () => number;
}

interface Slot {
  state: TaskState;
  attempt: number;
  branch: readonly string[] | undefined;
  busy: boolean;
}

/**
 * Drives one `running` run to its end: applies trigger rules and branch choices to pending tasks,
 * hands ready attempts to the executor, waits out retry delays, and finishes the run (`failed` when
 * any task failed or was upstream_failed, else `success`). It starts from the stored task states, so
 * it serves fresh runs and runs resumed after a crash alike. Mirrors state in memory; the store stays
 * the source of truth (every change goes through a store transition first). The orchestrator calls
 * it; call it yourself only to drive a run you started with `store.startRun`.
 *
 * @example
 * import { driveRun, InlineExecutor } from '@sodai/pipeline';
 * import { seededRandom } from '@sodai/random';
 * await store.startRun(runId, 'me@host');
 * const run = await driveRun(runId, { store, dag, executor: new InlineExecutor(), random: seededRandom(0) });
 */
export function driveRun(runId: string, deps: DriverDeps): Promise<RunRecord> {
  const { store, executor, dag } = deps;
  const slots = new Map<string, Slot>();
  let stepping = false;
  let again = false;
  let fatal: unknown = null;

  return new Promise<RunRecord>((resolve, reject) => {
    const finish = async (): Promise<void> => {
      const failed = dag.tasks.filter((t) => isTaskFailure(slot(t.id).state)).map((t) => t.id);
      const record = await store.finishRun(
        runId,
        failed.length === 0 ? 'success' : 'failed',
        failed.length === 0 ? null : `failed tasks: ${failed.join(', ')}`,
      );
      resolve(record);
    };

    const slot = (id: string): Slot => slots.get(id) as Slot;

    const dispatch = (def: TaskDefinition): void => {
      const s = slot(def.id);
      const attempt = s.attempt + 1;
      s.busy = true;
      executor
        .execute({ dagId: dag.id, runId, taskId: def.id, attempt }, { dag, store })
        .catch((e: unknown) => interrupted(def, attempt, e))
        .then((outcome) => settle(def, attempt, outcome))
        .catch((e: unknown) => fail(e));
    };

    // The executor lost the attempt (worker died, queue error): record it as a failed attempt unless
    // the worker got to record it first.
    const interrupted = async (def: TaskDefinition, attempt: number, e: unknown): Promise<AttemptOutcome> => {
      const [current] = await store.taskInstances(runId, [def.id]);
      if (current && current.attempt === attempt && current.state !== 'running') {
        if (current.state === 'success') {
          const out = current.output;
          return def.kind === 'branch' && Array.isArray(out)
            ? { state: 'success', branch: out as string[] }
            : { state: 'success' };
        }
        if (current.state === 'failed' || current.state === 'up_for_retry') return { state: current.state };
      }
      const retry = attempt <= def.retries && def.retryable(e);
      const error = `TASK_INTERRUPTED: ${describeError(e)}`;
      if (current?.state === 'running' && current.attempt === attempt) {
        await store.failTask(runId, def.id, attempt, error, retry);
      } else if (current && current.attempt === attempt - 1 && !isTaskFinished(current.state)) {
        // Never claimed: put the claim and the failure on record so the attempt count stays honest.
        await store.claimTask(runId, def.id, attempt);
        await store.failTask(runId, def.id, attempt, error, retry);
      }
      return { state: retry ? 'up_for_retry' : 'failed', error };
    };

    const settle = (def: TaskDefinition, attempt: number, outcome: AttemptOutcome): void => {
      const s = slot(def.id);
      s.attempt = attempt;
      s.state = outcome.state;
      s.branch = outcome.branch;
      if (outcome.state === 'up_for_retry') {
        const delay = backoffDelayMs(
          { baseDelayMs: def.retryDelayMs, maxDelayMs: def.maxRetryDelayMs, jitter: def.retryJitter },
          attempt,
          deps.random(),
        );
        setTimeout(() => {
          s.busy = false;
          kick();
        }, delay);
        return;
      }
      s.busy = false;
      kick();
    };

    const fail = (e: unknown): void => {
      if (fatal !== null) return;
      fatal = e;
      reject(e);
    };

    const step = async (): Promise<void> => {
      let busy = false;
      let allDone = true;
      for (const def of dag.tasks) {
        const s = slot(def.id);
        if (s.state === 'pending' && !s.busy) {
          const decision = branchSkipped(def)
            ? 'skip'
            : evaluateTriggerRule(
                def.triggerRule,
                def.upstream.map((u) => slot(u).state),
              );
          if (decision === 'skip' || decision === 'upstream_failed') {
            const to = decision === 'skip' ? 'skipped' : 'upstream_failed';
            await store.skipTask(runId, def.id, to);
            s.state = to;
          } else if (decision === 'run') {
            dispatch(def);
          }
        } else if (s.state === 'up_for_retry' && !s.busy) {
          dispatch(def);
        }
        if (s.busy) busy = true;
        if (!isTaskFinished(s.state)) allDone = false;
      }
      if (allDone && !busy) await finish();
    };

    const branchSkipped = (def: TaskDefinition): boolean =>
      def.upstream.some((u) => {
        const up = slot(u);
        return up.state === 'success' && up.branch !== undefined && !up.branch.includes(def.id);
      });

    const kick = (): void => {
      if (fatal !== null) return;
      if (stepping) {
        again = true;
        return;
      }
      stepping = true;
      void (async () => {
        try {
          do {
            again = false;
            await step();
          } while (again && fatal === null);
        } catch (e) {
          fail(e);
        } finally {
          stepping = false;
        }
      })();
    };

    store
      .taskInstances(runId)
      .then((instances) => {
        const byId = new Map(instances.map((t) => [t.taskId, t]));
        for (const def of dag.tasks) {
          const t = byId.get(def.id);
          const branch =
            def.kind === 'branch' && t?.state === 'success' && Array.isArray(t.output)
              ? (t.output as string[])
              : undefined;
          // A task of the current code missing from an older run's rows cannot run there: count it failed.
          slots.set(def.id, { state: t ? t.state : 'failed', attempt: t?.attempt ?? 0, branch, busy: false });
        }
        for (const def of dag.tasks) {
          const s = slot(def.id);
          // `running` at start means another process still holds the attempt (a live BullMQ worker
          // after an orchestrator restart is not possible here: recovery moved those to retry).
          if (s.state === 'running') {
            s.busy = true;
            fail(new Error(`task ${def.id} of run ${runId} is running elsewhere; recover() first`));
          }
        }
        kick();
      })
      .catch(fail);
  });
}
