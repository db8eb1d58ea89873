import type { DagRegistry } from '../dag/dag-registry.ts';
import type { AnyDag } from '../dag/dag.ts';
import { describeError, isPipelineError } from '../errors.ts';
import type { Executor } from '../executors/executor.ts';
import type { RunRecord, RunStore } from '../stores/run-store.ts';
import { driveRun } from './run-driver.ts';

export interface RunPumpDeps {
  readonly store: RunStore;
  readonly executor: Executor;
  readonly dags: DagRegistry;
  /** Written into `run.owner` when this process starts a run. */
  readonly owner: string;
  /** Retry jitter, seeded so a replay waits the same delays. */
  readonly random: () => number;
  readonly onError: (error: unknown) => void;
  /** Called once per run this process drove to its end, before `waitForRun` returns it. */
  readonly onRunFinished?: (run: RunRecord) => Promise<void> | void;
}

/** Starts queued runs within each DAG's `maxActiveRuns` and drives the ones it started. */
export interface RunPump {
  /** Whether close() has begun refusing new work. */
  readonly closed: boolean;
  /** Drives a run that this process owns, already `running`, to its end; then pumps again. */
  drive(runId: string, dag: AnyDag): void;
  /** Starts queued runs, oldest logical date first, while a DAG has room. Calls are serialized. */
  pump(): Promise<void>;
  /** The run's driver when this process drives it. */
  driverOf(runId: string): Promise<RunRecord> | undefined;
  /** Waits for the runs driven here and for the last pump; starts nothing after. */
  close(): Promise<void>;
}

/** The part of the orchestrator that moves runs from `queued` to driven. */
export function createRunPump(deps: RunPumpDeps): RunPump {
  const { store, executor, random, onError } = deps;
  const drivers = new Map<string, Promise<RunRecord>>();
  let pumping: Promise<void> = Promise.resolve();
  let closed = false;

  const startQueued = async (dag: AnyDag): Promise<void> => {
    const [running, queued] = await Promise.all([
      store.listRuns({ dagId: dag.id, states: ['running'], limit: dag.maxActiveRuns + 1 }),
      store.listRuns({ dagId: dag.id, states: ['queued'], orderBy: 'logicalDate', limit: 1000 }),
    ]);
    let free = dag.maxActiveRuns - running.length;
    // Oldest logical date first, so a backfill runs in date order.
    for (const run of [...queued].reverse()) {
      if (free <= 0) break;
      try {
        await store.startRun(run.id, deps.owner);
      } catch (e) {
        if (isPipelineError(e, 'INVALID_TRANSITION')) continue; // another orchestrator started it
        throw e;
      }
      free--;
      pump.drive(run.id, dag);
    }
  };

  const pump: RunPump = {
    get closed() {
      return closed;
    },

    drive(runId, dag) {
      const p = driveRun(runId, { store, executor, dag, random })
        .catch(async (e: unknown) => {
          onError(e);
          // Never leave the run `running` because the driver broke (store hiccup, bad state).
          return recordDriverFailure(store, runId, `orchestrator error: ${describeError(e)}`);
        })
        .then(async (run) => {
          // A broken hook must not change the run's outcome: it only reports.
          try {
            await deps.onRunFinished?.(run);
          } catch (e) {
            onError(e);
          }
          return run;
        });
      drivers.set(runId, p);
      // Callers of driverOf see the rejection; this chain must not turn it into an unhandled one.
      void p.catch(onError).finally(() => {
        drivers.delete(runId);
        void pump.pump();
      });
    },

    pump() {
      pumping = pumping
        .then(async () => {
          if (closed) return;
          for (const dag of deps.dags.all()) await startQueued(dag);
        })
        .catch(onError);
      return pumping;
    },

    driverOf: (runId) => drivers.get(runId),

    async close() {
      await Promise.allSettled([...drivers.values()]);
      closed = true;
      await pumping;
    },
  };
  return pump;
}

/** Waits between attempts to record a broken run as failed: about a minute in all, a database restart's length. */
const FAILURE_RECORD_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * Records a run whose driver broke as failed. The store may be what broke (its database restarting),
 * so this retries for a while instead of leaving the run `running`; a run another process already
 * finished is read back as it is. Rejects only if the store never answered.
 */
async function recordDriverFailure(store: RunStore, runId: string, reason: string): Promise<RunRecord> {
  for (const delayMs of [0, ...FAILURE_RECORD_DELAYS_MS]) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      return await store.finishRun(runId, 'failed', reason);
    } catch (e) {
      if (isPipelineError(e, 'INVALID_TRANSITION')) return store.getRun(runId);
    }
  }
  return store.getRun(runId);
}
