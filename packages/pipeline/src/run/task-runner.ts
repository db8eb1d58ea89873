import type { AnyDag } from '../dag/dag.ts';
import { PipelineError, describeError, isPipelineError } from '../errors.ts';
import type { RunStore } from '../stores/run-store.ts';
import type { LogLevel, TaskContext, TaskRef } from '../dag/task.ts';

/** One attempt of one task: the unit an executor runs (a BullMQ job carries exactly this). */
export interface TaskAttempt {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** 1-based; the store must hold `attempt - 1` for the claim to succeed. */
  readonly attempt: number;
}

/** What an attempt ended in, as recorded in the store. `branch` holds a branch task's choice. */
export interface AttemptOutcome {
  readonly state: 'success' | 'failed' | 'up_for_retry';
  readonly error?: string;
  readonly branch?: readonly string[];
}

/**
 * Runs one attempt and records it: claim (`pending`|`up_for_retry` → `running`), call the task with
 * its context, then complete (output and state in one transaction) or fail (→ `up_for_retry` when the
 * error is retryable and retries remain, else `failed`). Both executors call this, inline or inside a
 * BullMQ worker, which is why the same DAG behaves the same on both.
 *
 * A timeout aborts `ctx.signal` and stops waiting; a task that ignores the signal keeps running in the
 * background, but its late result is never recorded (the attempt already failed).
 *
 * @example
 * import { runTaskAttempt } from '@sodai/pipeline';
 * const outcome = await runTaskAttempt(dag, store, { dagId: 'etl', runId, taskId: 'extract', attempt: 1 });
 * console.log(outcome.state); // 'success'
 */
export async function runTaskAttempt(
  dag: AnyDag,
  store: RunStore,
  attempt: TaskAttempt,
  cancel?: AbortSignal,
): Promise<AttemptOutcome> {
  const def = dag.getTask(attempt.taskId);
  const { runId, taskId } = attempt;
  await store.claimTask(runId, taskId, attempt.attempt);
  const readable = ancestorsOf(dag, taskId);
  const [run, instances] = await Promise.all([
    store.getRun(runId),
    store.taskInstances(runId, [...readable]),
  ]);
  const outputs = new Map(instances.filter((t) => t.state === 'success').map((t) => [t.taskId, t.output]));

  let logChain: Promise<void> = Promise.resolve();
  const write = (level: LogLevel, message: string): void => {
    // Chained so lines keep their order; a failing log write must not fail the task.
    logChain = logChain
      .then(() => store.appendLog(runId, taskId, attempt.attempt, level, message))
      .catch(() => {});
  };
  const controller = new AbortController();
  const onCancel = (): void =>
    controller.abort(new PipelineError('TASK_INTERRUPTED', `task ${taskId} cancelled`));
  cancel?.addEventListener('abort', onCancel, { once: true });
  let timer: NodeJS.Timeout | undefined;

  const readInput = <T>(task: string | TaskRef<T>, required: boolean): T | undefined => {
    const id = typeof task === 'string' ? task : task.id;
    if (!readable.has(id)) {
      throw new PipelineError(
        'INPUT_NOT_AVAILABLE',
        `task ${taskId} reads ${id}, which is not upstream of it`,
        {
          taskId,
          input: id,
        },
      );
    }
    if (!outputs.has(id)) {
      if (!required) return undefined;
      throw new PipelineError(
        'INPUT_NOT_AVAILABLE',
        `upstream task ${id} of ${taskId} did not succeed in run ${runId}`,
        {
          taskId,
          input: id,
        },
      );
    }
    return outputs.get(id) as T;
  };
  const ctx: TaskContext<unknown> = {
    runId,
    dagId: dag.id,
    taskId,
    attempt: attempt.attempt,
    params: run.params,
    logicalDate: run.logicalDate,
    signal: controller.signal,
    log: {
      info: (m) => write('info', m),
      warn: (m) => write('warn', m),
      error: (m) => write('error', m),
    },
    input: <T>(task: string | TaskRef<T>) => readInput(task, true) as T,
    maybeInput: <T>(task: string | TaskRef<T>) => readInput(task, false),
  };

  try {
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    if (def.timeoutMs !== null) {
      const ms = def.timeoutMs;
      timer = setTimeout(
        () =>
          controller.abort(
            new PipelineError('TASK_TIMEOUT', `task ${taskId} timed out after ${ms} ms`, {
              taskId,
              timeoutMs: ms,
            }),
          ),
        ms,
      );
    }
    const work = Promise.resolve().then(() => (def.fn as (c: TaskContext<unknown>) => unknown)(ctx));
    work.catch(() => {}); // a task outliving its timeout must not surface as an unhandled rejection
    const output = await Promise.race([work, aborted]);
    const branch = def.kind === 'branch' ? checkBranch(dag, taskId, output) : undefined;
    // Serialize before completing: a non-JSON output fails this attempt instead of corrupting the store.
    const json = JSON.parse(JSON.stringify(output === undefined ? null : output)) as unknown;
    clearTimeout(timer);
    await logChain;
    await store.completeTask(runId, taskId, attempt.attempt, json);
    return Object.freeze(branch ? { state: 'success', branch } : { state: 'success' });
  } catch (e) {
    clearTimeout(timer);
    if (isPipelineError(e, 'INVALID_TRANSITION')) throw e;
    // A bad branch choice or a missing input is a bug in the DAG: another attempt would fail the same way.
    const retry =
      !isPipelineError(e, 'INVALID_BRANCH', 'INPUT_NOT_AVAILABLE') &&
      attempt.attempt <= def.retries &&
      def.retryable(e);
    const error = describeError(e);
    write('error', `attempt ${attempt.attempt} failed${retry ? ' (will retry)' : ''}: ${error}`);
    await logChain;
    await store.failTask(runId, taskId, attempt.attempt, error, retry);
    return Object.freeze({ state: retry ? 'up_for_retry' : 'failed', error });
  } finally {
    cancel?.removeEventListener('abort', onCancel);
  }
}

/** Every task upstream of `taskId`, directly or not: the outputs a task may read. */
function ancestorsOf(dag: AnyDag, taskId: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...dag.getTask(taskId).upstream];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...dag.getTask(id).upstream);
  }
  return seen;
}

function checkBranch(dag: AnyDag, taskId: string, output: unknown): readonly string[] {
  const allowed = dag.downstreamOf(taskId);
  if (
    !Array.isArray(output) ||
    !output.every((x): x is string => typeof x === 'string' && allowed.includes(x))
  ) {
    throw new PipelineError(
      'INVALID_BRANCH',
      `branch ${taskId} must return ids among its direct downstream tasks [${allowed.join(', ')}], got ${JSON.stringify(output)}`,
      { taskId },
    );
  }
  return Object.freeze([...output]);
}
