import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { AnyDag } from '../dag/dag.ts';
import { PipelineError, requireArgument } from '../errors.ts';
import type { RunStore } from '../stores/run-store.ts';
import { runTaskAttempt, type AttemptOutcome, type TaskAttempt } from '../run/task-runner.ts';
import type { ExecutionEnv, Executor } from './executor.ts';

/** Default queue name; pass a unique one per environment (and per test run). */
export const DEFAULT_QUEUE_NAME = 'sodai-pipeline';

export interface BullMQConnectionOptions {
  /** `REDIS_URL`, e.g. `redis://127.0.0.1:6379`. */
  readonly redisUrl: string;
  readonly queueName?: string;
  /** Redis key prefix (BullMQ's `prefix`, default `bull`). */
  readonly prefix?: string;
  /**
   * Told once when a connection to Redis is lost (ioredis keeps reconnecting); told again only after
   * it was back. Default: one line on stderr, where ioredis alone prints a stack per retry.
   */
  readonly onConnectionError?: (error: Error) => void;
}

export interface BullMQExecutorOptions extends BullMQConnectionOptions {
  /** How long finished jobs stay in Redis for inspection (default 1 h). */
  readonly keepJobsForMs?: number;
  /** How often a waiting attempt asks Redis for its job's state besides listening for events (default 5 s). */
  readonly pollMs?: number;
}

const reportToStderr = (error: Error): void => {
  process.stderr.write(`@sodai/pipeline: lost the Redis connection (${error.message}); reconnecting\n`);
};

function connect(options: BullMQConnectionOptions): Redis {
  // BullMQ requires maxRetriesPerRequest null on connections that block (workers, events).
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const report = options.onConnectionError ?? reportToStderr;
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    report(error);
  });
  redis.on('ready', () => {
    down = false;
  });
  return redis;
}

/** How long `close()` waits for Redis before dropping the connections. */
const CLOSE_GRACE_MS = 3000;

const jobIdOf = (a: TaskAttempt): string => `${a.runId}.${a.taskId}.${a.attempt}`;

/**
 * Runs task attempts as BullMQ jobs, on `startWorker` processes that may live on other machines.
 * A job carries only `{ dagId, runId, taskId, attempt }`; the worker runs the task from its own copy
 * of the DAG module and records state and output in the shared store (a SQLite file on one machine,
 * Postgres across machines), so the same DAG runs unchanged inline or here. Retries and backoff stay
 * with the orchestrator (each job is one attempt, `attempts: 1`); a job whose worker died is failed by
 * BullMQ's stall check and recorded as an interrupted attempt.
 *
 * @example
 * import { createOrchestrator } from '@sodai/pipeline';
 * import { BullMQExecutor } from '@sodai/pipeline/bullmq';
 * const executor = new BullMQExecutor({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * const orchestrator = createOrchestrator({ store, dags: [dag], executor });
 */
export class BullMQExecutor implements Executor {
  readonly queueName: string;
  readonly #queue: Queue<TaskAttempt, AttemptOutcome>;
  readonly #events: QueueEvents;
  readonly #connections: Redis[];
  readonly #keepJobsForMs: number;
  readonly #pollMs: number;
  #ready: Promise<unknown> | null = null;

  constructor(options: BullMQExecutorOptions) {
    requireArgument(options.redisUrl.length > 0, 'redisUrl', 'is required');
    this.queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
    this.#keepJobsForMs = options.keepJobsForMs ?? 3_600_000;
    this.#pollMs = options.pollMs ?? 5000;
    const queueConnection = connect(options);
    const eventsConnection = connect(options);
    this.#connections = [queueConnection, eventsConnection];
    const prefix = options.prefix === undefined ? {} : { prefix: options.prefix };
    this.#queue = new Queue<TaskAttempt, AttemptOutcome>(this.queueName, {
      connection: queueConnection,
      ...prefix,
    });
    this.#events = new QueueEvents(this.queueName, { connection: eventsConnection, ...prefix });
    // waitUntilFinished adds listeners per in-flight attempt (removed when it settles): not a leak.
    this.#queue.setMaxListeners(0);
    this.#events.setMaxListeners(0);
  }

  async execute(attempt: TaskAttempt, _env: ExecutionEnv): Promise<AttemptOutcome> {
    // Completion events are only seen once the events stream is read; adding first could miss them.
    this.#ready ??= this.#events.waitUntilReady();
    await this.#ready;
    const ageS = Math.ceil(this.#keepJobsForMs / 1000);
    const job = await this.#queue.add(
      'attempt',
      { ...attempt },
      {
        jobId: jobIdOf(attempt),
        attempts: 1,
        removeOnComplete: { age: ageS },
        removeOnFail: { age: ageS },
      },
    );
    const watch = { stopped: false };
    try {
      return await Promise.race([job.waitUntilFinished(this.#events), this.#pollJob(job.id!, watch)]);
    } catch (e) {
      throw new PipelineError(
        'TASK_INTERRUPTED',
        `job ${job.id} failed in the queue: ${String(e)}`,
        { jobId: job.id },
        e,
      );
    } finally {
      watch.stopped = true;
    }
  }

  /**
   * Settles with the job once it has finished, as seen by asking Redis now and then: completion events
   * sent while the events connection was down are never replayed, and a Redis restarted without
   * persistence has forgotten the job altogether, so waiting for the event alone could wait for ever.
   */
  async #pollJob(jobId: string, watch: { stopped: boolean }): Promise<AttemptOutcome> {
    while (!watch.stopped) {
      await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
      if (watch.stopped) break;
      let state: string;
      try {
        state = await this.#queue.getJobState(jobId);
      } catch {
        continue; // Redis is away; the attempt may still finish once it is back.
      }
      if (state === 'unknown') throw new Error('the job is no longer in Redis (restarted without its data?)');
      if (state === 'completed' || state === 'failed') {
        const job = await Job.fromId<TaskAttempt, AttemptOutcome>(this.#queue, jobId);
        if (job && state === 'completed') return job.returnvalue;
        throw new Error(job?.failedReason ?? `the job ${state} without a record`);
      }
    }
    return new Promise<never>(() => undefined);
  }

  /**
   * Rejects unless Redis answers now. Commands wait while the connection is down (BullMQ needs
   * that), so a down connection is reported from its state rather than by a ping that would hang.
   */
  async check(): Promise<void> {
    const connection = this.#connections[0]!;
    if (connection.status !== 'ready') throw new Error(`Redis connection is ${connection.status}`);
    await connection.ping();
  }

  /** Deletes the queue and all its jobs from Redis (tests, or retiring an environment). */
  async obliterate(): Promise<void> {
    await this.#queue.obliterate({ force: true });
  }

  /**
   * Closes the queue and its events stream, waiting at most `CLOSE_GRACE_MS` for Redis: while Redis is
   * unreachable BullMQ's close waits for a connection that never comes, which held a stopping server.
   */
  async close(): Promise<void> {
    const graceful = (async () => {
      await this.#events.close();
      await this.#queue.close();
    })().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
    await Promise.race([graceful, grace]);
    clearTimeout(timer);
    for (const c of this.#connections) c.disconnect();
  }
}

export interface StartWorkerOptions extends BullMQConnectionOptions {
  readonly dags: readonly AnyDag[];
  readonly store: RunStore;
  /** Attempts this worker runs at once (default 1). */
  readonly concurrency?: number;
  /** How often BullMQ checks for jobs whose worker died (default 30 s); such jobs fail, never re-run. */
  readonly stalledIntervalMs?: number;
  /** How long a job's lock lives without renewal, i.e. how soon a dead worker's job counts as stalled (default 30 s). */
  readonly lockDurationMs?: number;
}

export interface PipelineWorker {
  readonly worker: Worker<TaskAttempt, AttemptOutcome>;
  /** Finishes running attempts, then disconnects. */
  close(): Promise<void>;
}

/**
 * Processes pipeline jobs from the queue: the body of `sodai worker`. Import the same DAG modules
 * the orchestrator uses and share its store.
 *
 * @example
 * import { openPostgresRunStore } from '@sodai/pipeline/postgres';
 * import { startWorker } from '@sodai/pipeline/bullmq';
 * import { weeklyDag } from './flows/weekly.ts';
 * const store = await openPostgresRunStore(process.env.DATABASE_URL!);
 * const worker = await startWorker({ redisUrl: process.env.REDIS_URL!, dags: [weeklyDag], store, concurrency: 2 });
 * process.on('SIGTERM', () => void worker.close());
 */
export async function startWorker(options: StartWorkerOptions): Promise<PipelineWorker> {
  const dags = new Map(options.dags.map((d) => [d.id, d]));
  const connection = connect(options);
  const worker = new Worker<TaskAttempt, AttemptOutcome>(
    options.queueName ?? DEFAULT_QUEUE_NAME,
    async (job: Job<TaskAttempt, AttemptOutcome>, _token?: string, signal?: AbortSignal) => {
      const dag = dags.get(job.data.dagId);
      if (!dag) throw new PipelineError('DAG_NOT_FOUND', `this worker does not know DAG ${job.data.dagId}`);
      return runTaskAttempt(dag, options.store, job.data, signal);
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      // Re-running a stalled job would race the orchestrator's own retry; fail it and let it decide.
      maxStalledCount: 0,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      lockDuration: options.lockDurationMs ?? 30_000,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    },
  );
  await worker.waitUntilReady();
  return {
    worker,
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
