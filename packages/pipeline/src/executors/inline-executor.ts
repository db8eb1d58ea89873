import { requireArgument } from '../errors.ts';
import { runTaskAttempt, type AttemptOutcome, type TaskAttempt } from '../run/task-runner.ts';
import type { ExecutionEnv, Executor } from './executor.ts';

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
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #cancel = new AbortController();

  constructor(options: InlineExecutorOptions = {}) {
    const c = options.concurrency ?? 4;
    requireArgument(Number.isInteger(c) && c >= 1, 'concurrency', 'must be an integer ≥ 1');
    this.concurrency = c;
  }

  async execute(attempt: TaskAttempt, env: ExecutionEnv): Promise<AttemptOutcome> {
    // A finishing attempt hands its slot straight to the next waiter, so a newcomer cannot jump the queue.
    if (this.#active < this.concurrency) this.#active++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await runTaskAttempt(env.dag, env.store, attempt, this.#cancel.signal);
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }

  /** Aborts `ctx.signal` of running tasks; their attempts fail as interrupted. */
  async close(): Promise<void> {
    this.#cancel.abort();
  }
}
