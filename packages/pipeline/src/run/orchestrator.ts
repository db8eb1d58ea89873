import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { AnyDag } from '../dag/dag.ts';
import { newRunId } from './run-id.ts';
import { PipelineError, describeError, isPipelineError, requireArgument } from '../errors.ts';
import type { Executor } from '../executors/executor.ts';
import { InlineExecutor } from '../executors/inline-executor.ts';
import { createFileSensor, type FileSensor, type FileSensorOptions } from '../schedule/file-sensor.ts';
import { seededRandom } from './retry-policy.ts';
import { driveRun } from './run-driver.ts';
import { dueFireTimes, fireTimesBetween, nextFireTime, scheduleRunKey } from '../schedule/scheduler.ts';
import { isRunFinished } from './states.ts';
import type { RecoveredRun, RunRecord, RunStore, RunTrigger } from '../stores/run-store.ts';

export interface OrchestratorOptions {
  readonly store: RunStore;
  readonly dags: readonly AnyDag[];
  /** Default: an {@link InlineExecutor} with concurrency 4, closed by `close()`; a passed-in one is the caller's to close. */
  readonly executor?: Executor;
  /** Seed of the retry-jitter generator (default 0), so a replay waits the same delays. */
  readonly seed?: number;
  /** Identifies this process in `run.owner`; default `pid@hostname`. Recovery relies on that default. */
  readonly owner?: string;
  /** Where background failures go (scheduler ticks, sensors, driver errors); default console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface TriggerOptions {
  readonly params?: unknown;
  /** Default: now. */
  readonly logicalDate?: Date;
  /** Makes the run unique for the DAG: a second trigger with the same key throws RUN_EXISTS. */
  readonly runKey?: string;
  readonly trigger?: RunTrigger;
}

export interface SchedulerOptions {
  /** Create a run for every missed fire time since the last scheduled one (default true). */
  readonly catchUp?: boolean;
  /** Longest sleep between ticks, which also re-checks queued runs from other processes (default 60 s). */
  readonly maxSleepMs?: number;
}

export interface SchedulerHandle {
  stop(): void;
}

export interface OrchestratorFileSensorOptions extends FileSensorOptions {
  readonly dagId: string;
}

/** Runs DAGs: triggers, schedules, backfills, sensors, waits, crash recovery. */
export interface Orchestrator {
  readonly owner: string;
  /** Creates a `queued` run with validated params and starts it when `maxActiveRuns` allows; returns its id. */
  trigger(dagId: string, options?: TriggerOptions): Promise<string>;
  /** Resolves with the run once it is `success` or `failed` (driven here, or polled when another process drives it). */
  waitForRun(runId: string, options?: { pollMs?: number }): Promise<RunRecord>;
  /** Creates one run per fire time of the DAG's schedule in [from, to]; dates that already have one are skipped. */
  backfill(dagId: string, from: Date, to: Date): Promise<readonly string[]>;
  /**
   * One scheduler tick: creates runs for due fire times at `now`; returns their ids. Catch-up starts
   * after the DAG's last scheduled logical date, else at its `startDate`, else at `since` (the
   * scheduler passes its own start time), else nothing is due.
   */
  scheduleDue(now?: Date, options?: { catchUp?: boolean; since?: Date }): Promise<readonly string[]>;
  /** Ticks at every next fire time until stopped. */
  startScheduler(options?: SchedulerOptions): SchedulerHandle;
  /** A polling sensor that triggers one run of `dagId` per new file, with params `{ file }` (absolute path). */
  fileSensor(options: OrchestratorFileSensorOptions): FileSensor;
  /**
   * Resumes runs left `running` by a dead process (see {@link RunStore.recoverInterrupted}): the
   * interrupted attempts count as failed, tasks with retries left run again, and the run goes on.
   * Call it once at startup.
   */
  recover(): Promise<readonly RecoveredRun[]>;
  /** Stops schedulers and sensors, waits for the runs driven here, closes its default executor (never the store). */
  close(): Promise<void>;
}

function processIsDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Creates an orchestrator over a store, an executor and the DAGs it may run.
 *
 * Recovery policy: **resume**. An owner is `pid@host`; a `running` run whose owner lives on this host
 * and whose pid is gone is taken over by `recover()`. Runs owned by other hosts are left alone (their
 * own restart recovers them).
 *
 * @example
 * import { createOrchestrator, defineDag, openSqliteRunStore } from '@sodai/pipeline';
 * const dag = defineDag({ id: 'hello' });
 * dag.task('greet', {}, async (ctx) => { ctx.log.info('hi'); return 42; });
 * const store = await openSqliteRunStore('.sodai/pipeline.db');
 * const orchestrator = createOrchestrator({ store, dags: [dag] });
 * await orchestrator.recover();
 * const run = await orchestrator.waitForRun(await orchestrator.trigger('hello'));
 * console.log(run.state); // 'success'
 * await orchestrator.close();
 * await store.close();
 */
export function createOrchestrator(options: OrchestratorOptions): Orchestrator {
  const { store } = options;
  const executor = options.executor ?? new InlineExecutor();
  const ownsExecutor = options.executor === undefined;
  const owner = options.owner ?? `${process.pid}@${hostname()}`;
  const random = seededRandom(options.seed ?? 0);
  const onError = options.onError ?? ((e: unknown) => console.error('[pipeline]', e));
  const dags = new Map<string, AnyDag>();
  for (const d of options.dags) {
    if (dags.has(d.id)) throw new PipelineError('DAG_INVALID', `two DAGs with id ${d.id}`);
    dags.set(d.id, d);
  }
  const drivers = new Map<string, Promise<RunRecord>>();
  const stoppers = new Set<() => Promise<void> | void>();
  let pumping: Promise<void> = Promise.resolve();
  let closed = false;

  const dagOf = (id: string): AnyDag => {
    const d = dags.get(id);
    if (!d) throw new PipelineError('DAG_NOT_FOUND', `no DAG ${id} is registered`, { dagId: id });
    return d;
  };

  const isOwnerDead = (o: string | null): boolean => {
    if (o === null) return true;
    const at = o.indexOf('@');
    const pid = Number(o.slice(0, at));
    if (at < 0 || o.slice(at + 1) !== hostname() || !Number.isInteger(pid)) return false;
    return pid !== process.pid && processIsDead(pid);
  };

  const drive = (runId: string, dag: AnyDag): void => {
    const p = driveRun(runId, { store, executor, dag, random }).catch(async (e: unknown) => {
      onError(e);
      // Never leave the run `running` because the driver broke (store hiccup, bad state).
      return store
        .finishRun(runId, 'failed', `orchestrator error: ${describeError(e)}`)
        .catch(() => store.getRun(runId));
    });
    drivers.set(runId, p);
    void p.finally(() => {
      drivers.delete(runId);
      pump();
    });
  };

  /** Starts queued runs while each DAG has fewer than `maxActiveRuns` running. Serialized. */
  const pump = (): Promise<void> => {
    pumping = pumping
      .then(async () => {
        if (closed) return;
        for (const dag of dags.values()) {
          const [running, queued] = await Promise.all([
            store.listRuns({ dagId: dag.id, states: ['running'], limit: dag.maxActiveRuns + 1 }),
            store.listRuns({ dagId: dag.id, states: ['queued'], orderBy: 'logicalDate', limit: 1000 }),
          ]);
          let free = dag.maxActiveRuns - running.length;
          // Oldest logical date first, so a backfill runs in date order.
          for (const run of [...queued].reverse()) {
            if (free <= 0) break;
            try {
              await store.startRun(run.id, owner);
            } catch (e) {
              if (isPipelineError(e, 'INVALID_TRANSITION')) continue; // another orchestrator started it
              throw e;
            }
            free--;
            drive(run.id, dag);
          }
        }
      })
      .catch(onError);
    return pumping;
  };

  const createRun = async (dag: AnyDag, o: TriggerOptions): Promise<string> => {
    requireArgument(!closed, 'orchestrator', 'is closed');
    const params = dag.parseParams(o.params);
    const id = newRunId();
    await store.createRun({
      id,
      dag: dag.toJSON(),
      trigger: o.trigger ?? 'manual',
      runKey: o.runKey ?? null,
      params,
      logicalDate: o.logicalDate ?? new Date(),
    });
    return id;
  };

  const createIfNew = async (dag: AnyDag, o: TriggerOptions): Promise<string | null> => {
    try {
      return await createRun(dag, o);
    } catch (e) {
      if (isPipelineError(e, 'RUN_EXISTS')) return null;
      throw e;
    }
  };

  const orchestrator: Orchestrator = {
    owner,

    async trigger(dagId, o = {}) {
      const id = await createRun(dagOf(dagId), o);
      await pump();
      return id;
    },

    async waitForRun(runId, o = {}) {
      for (;;) {
        const local = drivers.get(runId);
        if (local) {
          await local;
          continue;
        }
        const run = await store.getRun(runId);
        if (isRunFinished(run.state)) return run;
        await new Promise((r) => setTimeout(r, o.pollMs ?? 100));
      }
    },

    async backfill(dagId, from, to) {
      const dag = dagOf(dagId);
      requireArgument(from.getTime() <= to.getTime(), 'from', 'must not be after to');
      const ids: string[] = [];
      for (const t of fireTimesBetween(dag, from, to)) {
        const id = await createIfNew(dag, { logicalDate: t, runKey: scheduleRunKey(t), trigger: 'backfill' });
        if (id !== null) ids.push(id);
      }
      await pump();
      return ids;
    },

    async scheduleDue(now = new Date(), o = {}) {
      const ids: string[] = [];
      for (const dag of dags.values()) {
        if (dag.schedule === null) continue;
        const [last] = await store.listRuns({
          dagId: dag.id,
          trigger: 'schedule',
          orderBy: 'logicalDate',
          limit: 1,
        });
        const start = dag.startDate ?? o.since ?? null;
        const since = last?.logicalDate ?? (start ? new Date(start.getTime() - 1) : null);
        for (const t of dueFireTimes(dag, since, now, o.catchUp ?? true)) {
          const id = await createIfNew(dag, {
            logicalDate: t,
            runKey: scheduleRunKey(t),
            trigger: 'schedule',
          });
          if (id !== null) ids.push(id);
        }
      }
      await pump();
      return ids;
    },

    startScheduler(o = {}) {
      const maxSleepMs = o.maxSleepMs ?? 60_000;
      let timer: NodeJS.Timeout | null = null;
      let stopped = false;
      const since = new Date();
      const tick = async (): Promise<void> => {
        if (stopped) return;
        const now = new Date();
        await orchestrator
          .scheduleDue(now, { since, ...(o.catchUp === undefined ? {} : { catchUp: o.catchUp }) })
          .catch(onError);
        let next = now.getTime() + maxSleepMs;
        for (const dag of dags.values()) {
          if (dag.schedule === null) continue;
          const t = nextFireTime(dag, now);
          if (t !== null) next = Math.min(next, t.getTime());
        }
        if (!stopped) timer = setTimeout(() => void tick(), Math.max(0, next - Date.now()) + 5);
      };
      // A DAG that never ran on schedule and has no startDate starts at the first fire time after now.
      void tick();
      const stop = (): void => {
        stopped = true;
        if (timer !== null) clearTimeout(timer);
      };
      stoppers.add(stop);
      return { stop };
    },

    fileSensor(o) {
      const dag = dagOf(o.dagId);
      const sensor = createFileSensor(o, {
        store,
        sensorId: `file:${dag.id}:${resolve(o.dir)}`,
        onError,
        onFile: async (file) => {
          await createIfNew(dag, { params: { file }, runKey: `file:${file}`, trigger: 'sensor' });
          await pump();
        },
      });
      stoppers.add(() => sensor.stop());
      return sensor;
    },

    async recover() {
      const recovered = await store.recoverInterrupted(owner, isOwnerDead);
      for (const r of recovered) {
        const run = await store.getRun(r.runId);
        const dag = dags.get(run.dagId);
        if (dag) drive(r.runId, dag);
        else
          await store.finishRun(
            r.runId,
            'failed',
            `DAG ${run.dagId} is not registered in the recovering process`,
          );
      }
      await pump();
      return recovered;
    },

    async close() {
      for (const stop of stoppers) await stop();
      stoppers.clear();
      await Promise.allSettled([...drivers.values()]);
      closed = true;
      await pumping;
      if (ownsExecutor) await executor.close();
    },
  };
  return orchestrator;
}
