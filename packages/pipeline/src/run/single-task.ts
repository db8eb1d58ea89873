import { setTimeout as sleep } from 'node:timers/promises';
import type { AnyDag } from '../dag/dag.ts';
import { evaluateTriggerRule } from '../dag/trigger-rules.ts';
import { PipelineError, isPipelineError } from '../errors.ts';
import type { RunStore, TaskInstance } from '../stores/run-store.ts';
import { backoffDelayMs } from './retry-policy.ts';
import { isTaskFailure, isTaskFinished, type TaskState } from './states.ts';
import { runTaskAttempt } from './task-runner.ts';

export interface SingleTaskOptions {
  readonly runId: string;
  readonly taskId: string;
  /** The run's parameters, used when this call creates the run (the first task of a run). */
  readonly params?: unknown;
  /** `pid@host` recorded as the run's owner when this call starts it. */
  readonly owner: string;
  /** Retry attempts inside this call; 0 leaves retries to the caller (e.g. Airflow's own). */
  readonly retries?: number;
  /** Seeded uniform source for retry jitter. */
  readonly random?: () => number;
}

export interface SingleTaskOutcome {
  readonly state: TaskState;
  readonly attempt: number;
  /** A branch task's choice of downstream tasks. */
  readonly branch?: readonly string[];
  readonly output?: unknown;
  readonly error?: string;
}

/**
 * Runs one task of a run with the same semantics as the orchestrator's driver, for a scheduler
 * outside SodAI (Airflow) that calls one task at a time: creates and starts the run on its first
 * task, applies the task's trigger rule and its upstream branches' choices (recording `skipped` or
 * `upstream_failed` instead of running), runs attempts through {@link runTaskAttempt} (so outputs,
 * logs and states land in the same store), and finishes the run once every task has finished.
 * Calling it again for a finished task returns the recorded outcome.
 *
 * @example
 * const outcome = await runSingleTask(dag, store, { runId: 'manual__2026-01-05', taskId: 'ingest', owner: 'airflow' });
 */
export async function runSingleTask(
  dag: AnyDag,
  store: RunStore,
  options: SingleTaskOptions,
): Promise<SingleTaskOutcome> {
  const def = dag.getTask(options.taskId);
  await ensureRunStarted(dag, store, options);
  const instances = new Map((await store.taskInstances(options.runId)).map((t) => [t.taskId, t]));
  const current = instances.get(def.id);
  if (!current) throw new PipelineError('TASK_NOT_FOUND', `run ${options.runId} has no task ${def.id}`);
  if (isTaskFinished(current.state)) return outcomeOf(def.kind, current);

  const upstream = def.upstream.map((u) => instances.get(u));
  const waiting = def.upstream.filter((_, i) => !upstream[i] || !isTaskFinished(upstream[i].state));
  if (waiting.length > 0) {
    throw new PipelineError(
      'INVALID_TRANSITION',
      `task ${def.id} of run ${options.runId} waits for ${waiting.join(', ')}: run them first`,
    );
  }
  const decision = decide(dag, def.id, instances);
  if (decision === 'skip' || decision === 'upstream_failed') {
    const skipped = await store.skipTask(
      options.runId,
      def.id,
      decision === 'skip' ? 'skipped' : 'upstream_failed',
    );
    await propagateSkips(dag, store, options.runId);
    await finishIfDone(dag, store, options.runId);
    return outcomeOf(def.kind, skipped);
  }

  const retries = options.retries ?? def.retries;
  let attempt = current.attempt;
  for (;;) {
    attempt++;
    const outcome = await runTaskAttempt(dag, store, {
      dagId: dag.id,
      runId: options.runId,
      taskId: def.id,
      attempt,
    });
    const retryHere = outcome.state === 'up_for_retry' && attempt <= retries;
    if (!retryHere) break;
    const delay = backoffDelayMs(
      { baseDelayMs: def.retryDelayMs, maxDelayMs: def.maxRetryDelayMs, jitter: def.retryJitter },
      attempt,
      options.random?.() ?? 0.5,
    );
    await sleep(delay);
  }
  const [after] = await store.taskInstances(options.runId, [def.id]);
  await propagateSkips(dag, store, options.runId);
  await finishIfDone(dag, store, options.runId);
  return outcomeOf(def.kind, after!);
}

async function ensureRunStarted(dag: AnyDag, store: RunStore, options: SingleTaskOptions): Promise<void> {
  let run;
  try {
    run = await store.getRun(options.runId);
  } catch (error) {
    if (!isPipelineError(error, 'RUN_NOT_FOUND')) throw error;
    try {
      run = await store.createRun({
        id: options.runId,
        dag: dag.toJSON(),
        trigger: 'manual',
        runKey: null,
        params: dag.parseParams(options.params),
        logicalDate: new Date(),
      });
    } catch (raced) {
      // Two tasks of the same run started at once: the other one created it.
      if (!isPipelineError(raced, 'RUN_EXISTS')) throw raced;
      run = await store.getRun(options.runId);
    }
  }
  if (run.dagId !== dag.id)
    throw new PipelineError(
      'INVALID_ARGUMENT',
      `run ${options.runId} belongs to DAG ${run.dagId}, not ${dag.id}`,
    );
  if (run.state === 'queued') {
    try {
      await store.startRun(options.runId, options.owner);
    } catch (error) {
      if (!isPipelineError(error, 'INVALID_TRANSITION')) throw error;
    }
  }
}

/** What the driver would do with a pending task whose upstream tasks have all finished. */
function decide(dag: AnyDag, taskId: string, instances: ReadonlyMap<string, TaskInstance>) {
  const def = dag.getTask(taskId);
  const upstream = def.upstream.map((u) => instances.get(u)!);
  const notChosen = upstream.some(
    (u) =>
      u.state === 'success' &&
      dag.getTask(u.taskId).kind === 'branch' &&
      Array.isArray(u.output) &&
      !(u.output as string[]).includes(taskId),
  );
  return notChosen
    ? 'skip'
    : evaluateTriggerRule(
        def.triggerRule,
        upstream.map((u) => u.state),
      );
}

/**
 * Records `skipped` / `upstream_failed` for every pending task the branches and trigger rules rule
 * out, as the driver does, so the run can finish although the outside scheduler never calls them.
 */
async function propagateSkips(dag: AnyDag, store: RunStore, runId: string): Promise<void> {
  for (let changed = true; changed;) {
    changed = false;
    const instances = new Map((await store.taskInstances(runId)).map((t) => [t.taskId, t]));
    for (const def of dag.tasks) {
      const t = instances.get(def.id);
      if (!t || t.state !== 'pending') continue;
      if (!def.upstream.every((u) => isTaskFinished(instances.get(u)?.state ?? 'pending'))) continue;
      const decision = decide(dag, def.id, instances);
      if (decision === 'skip' || decision === 'upstream_failed') {
        await store.skipTask(runId, def.id, decision === 'skip' ? 'skipped' : 'upstream_failed');
        changed = true;
      }
    }
  }
}

async function finishIfDone(dag: AnyDag, store: RunStore, runId: string): Promise<void> {
  const instances = await store.taskInstances(runId);
  if (instances.length < dag.tasks.length || !instances.every((t) => isTaskFinished(t.state))) return;
  const failed = instances.filter((t) => isTaskFailure(t.state)).map((t) => t.taskId);
  try {
    await store.finishRun(
      runId,
      failed.length === 0 ? 'success' : 'failed',
      failed.length === 0 ? null : `failed tasks: ${failed.join(', ')}`,
    );
  } catch (error) {
    // Another task's call finished it first.
    if (!isPipelineError(error, 'INVALID_TRANSITION')) throw error;
  }
}

function outcomeOf(kind: string, t: TaskInstance): SingleTaskOutcome {
  return {
    state: t.state,
    attempt: t.attempt,
    ...(kind === 'branch' && t.state === 'success' && Array.isArray(t.output)
      ? { branch: t.output as string[] }
      : {}),
    ...(t.state === 'success' ? { output: t.output } : {}),
    ...(t.error ? { error: t.error } : {}),
  };
}
