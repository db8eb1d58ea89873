import { seededRandom } from '@sodai/random';
import { dagRegistry } from '../dag/dag-registry.ts';
import type { AnyDag } from '../dag/dag.ts';
import { describeError, requireArgument } from '../errors.ts';
import type { Executor } from '../executors/executor.ts';
import { InlineExecutor } from '../executors/inline-executor.ts';
import { createBackfillRuns, createDueRuns, type CreateKeyedRun } from '../schedule/due-runs.ts';
import {
  createFileSensor,
  sensedDir,
  type FileSensor,
  type FileSensorOptions,
} from '../schedule/file-sensor.ts';
import {
  startSchedulerLoop,
  type SchedulerHandle,
  type SchedulerOptions,
} from '../schedule/scheduler-loop.ts';
import type { RecoveredRun, RunRecord, RunStore } from '../stores/run-store.ts';
import { createQueuedRun, unlessRunExists, type TriggerOptions } from './new-run.ts';
import { localOwner, resumeInterruptedRuns } from './recovery.ts';
import { createRunPump } from './run-pump.ts';
import { isRunFinished } from './states.ts';

export type { TriggerOptions } from './new-run.ts';
export type { SchedulerHandle, SchedulerOptions } from '../schedule/scheduler-loop.ts';

export interface OrchestratorOptions {
  readonly store: RunStore;
  readonly dags: readonly AnyDag[];
  /** Default: an {@link InlineExecutor} with concurrency 4, closed by `close()`; a passed-in one is the caller's to close. */
  readonly executor?: Executor;
  /** Seed of the retry-jitter generator (default 0), so a replay waits the same delays. */
  readonly seed?: number;
  /** Identifies this process in `run.owner`; default `pid@hostname`. Recovery relies on that default. */
  readonly owner?: string;
  /**
   * Where background failures go (scheduler ticks, sensors, driver errors). Default: a process
   * warning (`process.on('warning')`), since a library has no console of its own; pass your logger.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Called when a run driven by this orchestrator ends (`success` or `failed`), before `waitForRun`
   * resolves — Airflow's DAG-level success/failure callback. Its errors go to `onError`.
   */
  readonly onRunFinished?: (run: RunRecord) => Promise<void> | void;
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

/** Background failures become process warnings unless the caller says where they go. */
function warnInBackground(error: unknown): void {
  process.emitWarning(describeError(error), { type: 'PipelineBackgroundError' });
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
  const owner = options.owner ?? localOwner();
  const onError = options.onError ?? warnInBackground;
  const dags = dagRegistry(options.dags);
  const runs = createRunPump({
    store,
    executor,
    dags,
    owner,
    random: seededRandom(options.seed ?? 0),
    onError,
    ...(options.onRunFinished ? { onRunFinished: options.onRunFinished } : {}),
  });
  const stoppers = new Set<() => Promise<void> | void>();

  const createRun = (dag: AnyDag, o: TriggerOptions): Promise<string> => {
    requireArgument(!runs.closed, 'orchestrator', 'is closed');
    return createQueuedRun(store, dag, o);
  };
  const createKeyedRun: CreateKeyedRun = (dag, o) => unlessRunExists(() => createRun(dag, o));

  const orchestrator: Orchestrator = {
    owner,

    async trigger(dagId, o = {}) {
      const id = await createRun(dags.get(dagId), o);
      await runs.pump();
      return id;
    },

    async waitForRun(runId, o = {}) {
      for (;;) {
        const local = runs.driverOf(runId);
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
      const dag = dags.get(dagId);
      requireArgument(from.getTime() <= to.getTime(), 'from', 'must not be after to');
      const ids = await createBackfillRuns(dag, createKeyedRun, from, to);
      await runs.pump();
      return ids;
    },

    async scheduleDue(now = new Date(), o = {}) {
      const ids = await createDueRuns(store, dags.all(), createKeyedRun, now, o);
      await runs.pump();
      return ids;
    },

    startScheduler(o = {}) {
      const handle = startSchedulerLoop(
        { dags: () => dags.all(), scheduleDue: (now, so) => orchestrator.scheduleDue(now, so), onError },
        o,
      );
      stoppers.add(() => handle.stop());
      return handle;
    },

    fileSensor(o) {
      const dag = dags.get(o.dagId);
      const sensor = createFileSensor(o, {
        store,
        sensorId: `file:${dag.id}:${sensedDir(o)}`,
        onError,
        onFile: async (file, { replacedVersion }) => {
          // One run per file, and one more per replacement of its content under the same name.
          const runKey = replacedVersion === undefined ? `file:${file}` : `file:${file}@${replacedVersion}`;
          await unlessRunExists(() => createRun(dag, { params: { file }, runKey, trigger: 'sensor' }));
          await runs.pump();
        },
      });
      stoppers.add(() => sensor.stop());
      return sensor;
    },

    async recover() {
      const recovered = await resumeInterruptedRuns({
        store,
        owner,
        findDag: (id) => dags.find(id),
        drive: (runId, dag) => runs.drive(runId, dag),
      });
      await runs.pump();
      return recovered;
    },

    async close() {
      for (const stop of stoppers) await stop();
      stoppers.clear();
      await runs.close();
      if (ownsExecutor) await executor.close();
    },
  };
  return orchestrator;
}
