import { spawn, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { PipelineError } from '../errors.ts';
import { runTaskAttempt, type AttemptOutcome, type TaskAttempt } from '../run/task-runner.ts';
import type { ExecutionEnv, Executor } from './executor.ts';
import { Slots } from './slots.ts';

/** How a child process is started for one attempt: it must run {@link runAttemptAndReport}. */
export interface AttemptCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface ProcessExecutorOptions {
  /** The command that runs `attempt` in a new process (it reports with {@link runAttemptAndReport}). */
  readonly command: (attempt: TaskAttempt) => AttemptCommand;
  /** Attempts running at once (default 2); the rest wait their turn in FIFO order. */
  readonly concurrency?: number;
  /**
   * Tasks that run in this process instead, by id: those that talk to this process itself (a
   * server's reload, say), which a child could not reach.
   */
  readonly inProcess?: ReadonlySet<string>;
  /** Told what children write on stderr (their own log lines), as it comes. Default: dropped. */
  readonly onStderr?: (text: string) => void;
  /** How long `close()` gives a child after SIGTERM before SIGKILL (default 10 s). */
  readonly killGraceMs?: number;
  /**
   * The niceness children run at (0–19; never below this process's own, which they inherit by
   * default): a server gives its batch work a lower CPU priority than the requests it answers.
   */
  readonly niceness?: number;
}

/** The line a child prints on stdout with its outcome; anything else it prints is ignored. */
const OUTCOME_PREFIX = '@sodai/pipeline outcome ';
/** What a failing child last said on stderr, kept for the error message. */
const STDERR_TAIL_CHARS = 2000;

/**
 * Runs each task attempt in its own child process, like Airflow's LocalExecutor: a job's memory,
 * native libraries and crashes stay out of the process that schedules it (a server that must keep
 * answering while a weekly run trains and scores). The child records its state and output in the
 * shared run store exactly as an inline attempt does (`runTaskAttempt`), then prints its outcome; a
 * child that dies first (killed, out of memory) is reported as an interrupted attempt, which the
 * orchestrator retries or fails by the task's policy.
 *
 * @example
 * const executor = new ProcessExecutor({
 *   command: (attempt) => ({ file: process.execPath, args: ['worker.js', JSON.stringify(attempt)] }),
 * });
 * // worker.js: await runAttemptAndReport(dag, store, JSON.parse(process.argv[2]));
 */
export class ProcessExecutor implements Executor {
  readonly concurrency: number;
  readonly #options: ProcessExecutorOptions;
  readonly #slots: Slots;
  readonly #children = new Set<ChildProcess>();
  readonly #cancel = new AbortController();

  constructor(options: ProcessExecutorOptions) {
    this.#slots = new Slots(options.concurrency ?? 2);
    this.concurrency = this.#slots.size;
    this.#options = options;
  }

  execute(attempt: TaskAttempt, env: ExecutionEnv): Promise<AttemptOutcome> {
    if (this.#options.inProcess?.has(attempt.taskId)) {
      return runTaskAttempt(env.dag, env.store, attempt, this.#cancel.signal);
    }
    return this.#slots.run(() => this.#runChild(attempt));
  }

  #runChild(attempt: TaskAttempt): Promise<AttemptOutcome> {
    if (this.#cancel.signal.aborted) {
      return Promise.reject(interrupted(attempt, 'the executor is closed'));
    }
    const { file, args, env } = this.#options.command(attempt);
    const child = spawn(file, [...args], {
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.add(child);
    this.#lowerPriority(child);
    // Only the outcome line is kept: a task may print as much as it likes.
    let outcomeLine: string | undefined;
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (line.startsWith(OUTCOME_PREFIX)) outcomeLine = line;
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      this.#options.onStderr?.(s);
      stderr = (stderr + s).slice(-STDERR_TAIL_CHARS);
    });
    return new Promise<AttemptOutcome>((resolve, reject) => {
      child.once('error', (error) => {
        this.#children.delete(child);
        reject(interrupted(attempt, `could not start ${file}: ${error.message}`));
      });
      child.once('close', (code, signal) => {
        this.#children.delete(child);
        const outcome = parseOutcome(outcomeLine);
        if (code === 0 && outcome) return resolve(outcome);
        const how = signal ? `was killed (${signal})` : `exited with code ${code ?? '?'}`;
        const said = stderr.trim() ? `: ${stderr.trim()}` : '';
        reject(
          interrupted(attempt, `the task's process ${how}${code === 0 ? ' without an outcome' : ''}${said}`),
        );
      });
    });
  }

  #lowerPriority(child: ChildProcess): void {
    const niceness = this.#options.niceness;
    if (niceness === undefined || child.pid === undefined || niceness <= getPriority()) return;
    try {
      setPriority(child.pid, niceness);
    } catch {
      // The child already ended (its outcome tells why); a priority is no reason to fail a task.
    }
  }

  /** Stops every child (SIGTERM, then SIGKILL after the grace); their attempts fail as interrupted. */
  async close(): Promise<void> {
    this.#cancel.abort();
    const grace = this.#options.killGraceMs ?? 10_000;
    await Promise.all(
      [...this.#children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), grace);
            child.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

function interrupted(attempt: TaskAttempt, why: string): PipelineError {
  return new PipelineError('TASK_INTERRUPTED', `task ${attempt.taskId} attempt ${attempt.attempt}: ${why}`, {
    ...attempt,
  });
}

function parseOutcome(line: string | undefined): AttemptOutcome | undefined {
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice(OUTCOME_PREFIX.length)) as AttemptOutcome;
  } catch {
    return undefined; // reported as a process that ended without an outcome
  }
}

/**
 * The child's side of {@link ProcessExecutor}: runs the attempt, records it in the store, and prints
 * the outcome line the parent waits for. SIGTERM cancels the task (`ctx.signal`) and it is recorded
 * as failed or up for retry, as an inline attempt cancelled by a closing orchestrator would be.
 *
 * @example
 * const attempt = JSON.parse(process.argv[2]) as TaskAttempt;
 * await runAttemptAndReport(dags.get(attempt.dagId)!, store, attempt);
 */
export async function runAttemptAndReport(
  dag: ExecutionEnv['dag'],
  store: ExecutionEnv['store'],
  attempt: TaskAttempt,
): Promise<AttemptOutcome> {
  const cancel = new AbortController();
  const onTerm = (): void => cancel.abort();
  process.once('SIGTERM', onTerm);
  try {
    const outcome = await runTaskAttempt(dag, store, attempt, cancel.signal);
    process.stdout.write(`\n${OUTCOME_PREFIX}${JSON.stringify(outcome)}\n`);
    return outcome;
  } finally {
    process.off('SIGTERM', onTerm);
  }
}
