import { spawn, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { PipelineError } from '../errors.ts';
import { runTaskAttempt, type AttemptOutcome, type TaskAttempt } from '../run/task-runner.ts';
import type { ExecutionEnv, Executor } from './executor.ts';
import { Slots } from './slots.ts';

/** How a child process is started: it must run {@link serveAttempts}. */
export interface AttemptCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface ProcessExecutorOptions {
  /** The command that starts a child; attempts are sent to it once it runs. */
  readonly command: () => AttemptCommand;
  /** Attempts running at once (default 2); the rest wait their turn in FIFO order. */
  readonly concurrency?: number;
  /**
   * Attempts one child runs, one after another, before it is let go (default 1: a process per
   * attempt). More saves a program start per task, at the cost of tasks sharing a process's memory.
   */
  readonly attemptsPerChild?: number;
  /**
   * Children kept started ahead of need (default 1, 0 for none): an attempt goes to a process that
   * has already loaded its program when one is waiting.
   */
  readonly warm?: number;
  /**
   * How long a child waits for an attempt before it is let go (default 60 s), counted from when it
   * has loaded its program: on a loaded machine that load alone can take longer than the wait.
   */
  readonly idleMs?: number;
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

/** What a failing child last said on stderr, kept for the error message. */
const STDERR_TAIL_CHARS = 2000;

/** Parent → child: run this attempt. */
interface AttemptMessage {
  readonly sodaiAttempt: TaskAttempt;
}
/** Child → parent: the program is loaded and takes attempts. */
interface ReadyMessage {
  readonly sodaiReady: true;
}
/** Child → parent: the attempt it was sent ended so. */
interface OutcomeMessage {
  readonly sodaiOutcome: AttemptOutcome;
}

/** A started child: how many attempts it ran, and how it ended once it has. */
interface Child {
  readonly process: ChildProcess;
  /** The program it runs, for the error when it could not start. */
  readonly file: string;
  attempts: number;
  stderr: string;
  /** It said it takes attempts: its idle time counts from then. */
  ready: boolean;
  idle?: NodeJS.Timeout;
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
}

/**
 * Runs task attempts in child processes, like Airflow's LocalExecutor: a job's memory, native
 * libraries and crashes stay out of the process that schedules it (a server that must keep answering
 * while a weekly run trains and scores). A child runs `attemptsPerChild` attempts one after another
 * and is let go; the next one is started ahead of need (`warm`). The child records each attempt's
 * state and output in the shared run store exactly as an inline attempt does (`runTaskAttempt`) and
 * sends its outcome back; a child that dies first (killed, out of memory) fails the attempt it was
 * running as interrupted, which the orchestrator retries or fails by the task's policy.
 *
 * @example
 * const executor = new ProcessExecutor({ command: () => ({ file: process.execPath, args: ['worker.js'] }) });
 * // worker.js: await serveAttempts((attempt) => dags.get(attempt.dagId)!, store);
 */
export class ProcessExecutor implements Executor {
  readonly concurrency: number;
  readonly #options: ProcessExecutorOptions;
  readonly #slots: Slots;
  readonly #children = new Set<ChildProcess>();
  /** Started children waiting for an attempt, oldest first. */
  readonly #idle: Child[] = [];
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
    return this.#slots.run(() => this.#runInChild(attempt));
  }

  async #runInChild(attempt: TaskAttempt): Promise<AttemptOutcome> {
    if (this.#cancel.signal.aborted) throw interrupted(attempt, 'the executor is closed');
    const child = this.#takeIdle() ?? this.#start();
    this.#fillWarm();
    child.attempts++;
    const message: AttemptMessage = { sodaiAttempt: attempt };
    const outcome = new Promise<AttemptOutcome>((resolve) => {
      const onMessage = (m: unknown): void => {
        if (!isOutcomeMessage(m)) return;
        child.process.off('message', onMessage);
        resolve(m.sodaiOutcome);
      };
      child.process.on('message', onMessage);
    });
    // A child that died while it waited fails the send; its end below says how.
    child.process.send(message, () => undefined);
    const ended = child.ended.then((end) => ({ end }));
    const first = await Promise.race([outcome.then((o) => ({ outcome: o })), ended]);
    if ('outcome' in first) {
      this.#release(child);
      return first.outcome;
    }
    const { code, signal, error } = first.end;
    if (error) throw interrupted(attempt, `could not start ${child.file}: ${error.message}`);
    const how = signal ? `was killed (${signal})` : `exited with code ${code ?? '?'}`;
    const said = child.stderr.trim() ? `: ${child.stderr.trim()}` : '';
    throw interrupted(attempt, `the task's process ${how}${said}`);
  }

  /** After an attempt: back to the idle children, or let go when it has run its share. */
  #release(child: Child): void {
    const limit = this.#options.attemptsPerChild ?? 1;
    if (child.attempts >= limit || this.#cancel.signal.aborted) {
      letGo(child.process); // it ends by itself once its channel closes
      return;
    }
    this.#park(child);
  }

  #park(child: Child): void {
    child.stderr = '';
    this.#idle.push(child);
    if (child.ready) this.#startIdleClock(child);
  }

  #startIdleClock(child: Child): void {
    child.idle = setTimeout(() => {
      this.#idle.splice(this.#idle.indexOf(child), 1);
      letGo(child.process);
    }, this.#options.idleMs ?? 60_000);
    child.idle.unref();
  }

  #takeIdle(): Child | undefined {
    for (let child = this.#idle.shift(); child; child = this.#idle.shift()) {
      clearTimeout(child.idle);
      child.idle = undefined;
      const p = child.process;
      if (p.exitCode === null && p.signalCode === null && p.connected) return child;
    }
    return undefined;
  }

  #fillWarm(): void {
    const want = this.#options.warm ?? 1;
    while (this.#idle.length < want && !this.#cancel.signal.aborted) this.#park(this.#start());
  }

  #start(): Child {
    const { file, args, env } = this.#options.command();
    const proc = spawn(file, [...args], {
      env: env ?? process.env,
      // A child's stdout is not read: nothing it prints there can fill a pipe and stall it.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.#children.add(proc);
    this.#lowerPriority(proc);
    // Not 'close': after the parent has closed a child's IPC channel, Node may never emit it. The
    // end of stderr is awaited instead, so an error message holds all the child said.
    const stderrClosed = new Promise<void>((resolve) => proc.stderr!.once('close', resolve));
    const ended = new Promise<Awaited<Child['ended']>>((resolve) => {
      proc.once('error', (error) => {
        this.#children.delete(proc);
        resolve({ code: null, signal: null, error });
      });
      proc.once('exit', (code, signal) => {
        this.#children.delete(proc);
        void stderrClosed.then(() => resolve({ code, signal }));
      });
    });
    const child: Child = { process: proc, file, attempts: 0, stderr: '', ready: false, ended };
    const onReady = (m: unknown): void => {
      if (!isReadyMessage(m)) return;
      proc.off('message', onReady);
      child.ready = true;
      if (this.#idle.includes(child) && !child.idle) this.#startIdleClock(child);
    };
    proc.on('message', onReady);
    proc.stderr!.setEncoding('utf8').on('data', (s: string) => {
      this.#options.onStderr?.(s);
      child.stderr = (child.stderr + s).slice(-STDERR_TAIL_CHARS);
    });
    return child;
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
    for (const child of this.#idle.splice(0)) clearTimeout(child.idle);
    const grace = this.#options.killGraceMs ?? 10_000;
    await Promise.all(
      [...this.#children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), grace);
            child.once('exit', () => {
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

/**
 * Closes the IPC channel of a child (or, in a child, to its parent). Deferred: Node's channel still
 * reads the message that led here, and closing under it throws inside Node.
 */
function letGo(end: Pick<NodeJS.Process, 'connected' | 'disconnect'> | ChildProcess): void {
  setImmediate(() => {
    if (end.connected) end.disconnect();
  });
}

function isAttemptMessage(value: unknown): value is AttemptMessage {
  return typeof value === 'object' && value !== null && 'sodaiAttempt' in value;
}

function isReadyMessage(value: unknown): value is ReadyMessage {
  return typeof value === 'object' && value !== null && 'sodaiReady' in value;
}

function isOutcomeMessage(value: unknown): value is OutcomeMessage {
  return typeof value === 'object' && value !== null && 'sodaiOutcome' in value;
}

/**
 * The child's side of {@link ProcessExecutor}: runs the attempts the parent sends, one at a time,
 * each recorded in `store` as an inline attempt is, and sends each outcome back. Resolves when the
 * parent lets the child go (or goes away); rejects outside a child of a `ProcessExecutor`. SIGTERM
 * cancels the running task (`ctx.signal`), recorded as failed or up for retry, as an inline attempt
 * cancelled by a closing orchestrator would be.
 *
 * @example
 * await serveAttempts((attempt) => dags.find((d) => d.id === attempt.dagId)!, store);
 */
export function serveAttempts(
  dagFor: (attempt: TaskAttempt) => ExecutionEnv['dag'],
  store: ExecutionEnv['store'],
): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) {
    return Promise.reject(new Error('no parent to take attempts from (started outside a ProcessExecutor)'));
  }
  const cancel = new AbortController();
  // Stopping: the running task is cancelled and no other is taken.
  const onTerm = (): void => {
    cancel.abort();
    letGo(process);
  };
  process.once('SIGTERM', onTerm);
  let queue = Promise.resolve();
  let failure: unknown;
  const onMessage = (message: unknown): void => {
    if (!isAttemptMessage(message)) return;
    const attempt = message.sodaiAttempt;
    queue = queue.then(async () => {
      try {
        const outcome = await runTaskAttempt(dagFor(attempt), store, attempt, cancel.signal);
        const reply: OutcomeMessage = { sodaiOutcome: outcome };
        if (process.connected) send(reply);
      } catch (error) {
        failure ??= error;
        letGo(process);
      }
    });
  };
  return new Promise<void>((resolve, reject) => {
    process.on('message', onMessage);
    const ready: ReadyMessage = { sodaiReady: true };
    if (process.connected) send(ready);
    process.once('disconnect', () => {
      process.off('message', onMessage);
      void queue.then(() => {
        process.off('SIGTERM', onTerm);
        if (failure === undefined) resolve();
        else reject(failure instanceof Error ? failure : new Error(String(failure)));
      });
    });
  });
}

/**
 * Runs one attempt in this process and prints its outcome as a JSON line on stdout: a task run by
 * hand (`sodai run-task ATTEMPT`), outside any executor.
 *
 * @example
 * await runAttemptAndReport(dag, store, { dagId: 'weekly', runId, taskId: 'predict', attempt: 1 });
 */
export async function runAttemptAndReport(
  dag: ExecutionEnv['dag'],
  store: ExecutionEnv['store'],
  attempt: TaskAttempt,
): Promise<AttemptOutcome> {
  const outcome = await runTaskAttempt(dag, store, attempt);
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  return outcome;
}
