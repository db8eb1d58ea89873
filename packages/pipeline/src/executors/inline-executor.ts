import { runTaskAttempt, type AttemptOutcome, type TaskAttempt } from '../run/task-runner.ts';
import type { ExecutionEnv, Executor } from './executor.ts';
import { Slots } from './slots.ts';

export interface InlineExecutorOptions {
  /** Attempts running at once in this process (default 4); the rest wait their turn in FIFO order. */
  readonly concurrency?: number;
}

/**
 * Runs tasks in this process: the default, no services needed.
 *
 * @example
 * import { InlineExecutor, createOrchestrator } from '@sodai/pipeline';
 * const orchestrator = createOrchestrator({ store, dags: [dag], executor: new InlineExecutor({ concurrency: 2 }) });
 */
export class InlineExecutor implements Executor {
  readonly concurrency: number;
  readonly #slots: Slots;
  readonly #cancel = new AbortController();

  constructor(options: InlineExecutorOptions = {}) {
    this.#slots = new Slots(options.concurrency ?? 4);
    this.concurrency = this.#slots.size;
  }

  execute(attempt: TaskAttempt, env: ExecutionEnv): Promise<AttemptOutcome> {
    return this.#slots.run(() => runTaskAttempt(env.dag, env.store, attempt, this.#cancel.signal));
  }

  /** Aborts `ctx.signal` of running tasks; their attempts fail as interrupted. */
  async close(): Promise<void> {
    this.#cancel.abort();
  }
}
