import type { AnyDag } from '../dag/dag.ts';
import { nextFireTime } from './scheduler.ts';

export interface SchedulerOptions {
  /** Create a run for every missed fire time since the last scheduled one (default true). */
  readonly catchUp?: boolean;
  /** Longest sleep between ticks, which also re-checks queued runs from other processes (default 60 s). */
  readonly maxSleepMs?: number;
}

export interface SchedulerHandle {
  stop(): void;
}

export interface SchedulerLoopDeps {
  readonly dags: () => Iterable<AnyDag>;
  /** One tick: creates the runs due at `now`. */
  readonly scheduleDue: (now: Date, options: { catchUp?: boolean; since: Date }) => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}

/**
 * Ticks now and then at every next fire time of any scheduled DAG (at least every `maxSleepMs`)
 * until stopped. A DAG that never ran on schedule and has no startDate starts at the first fire time
 * after the loop started.
 */
export function startSchedulerLoop(deps: SchedulerLoopDeps, options: SchedulerOptions = {}): SchedulerHandle {
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const since = new Date();
  const tick = async (): Promise<void> => {
    if (stopped) return;
    const now = new Date();
    await deps
      .scheduleDue(now, { since, ...(options.catchUp === undefined ? {} : { catchUp: options.catchUp }) })
      .catch(deps.onError);
    let next = now.getTime() + maxSleepMs;
    for (const dag of deps.dags()) {
      if (dag.schedule === null) continue;
      const t = nextFireTime(dag, now);
      if (t !== null) next = Math.min(next, t.getTime());
    }
    if (!stopped) timer = setTimeout(() => void tick(), Math.max(0, next - Date.now()) + 5);
  };
  void tick();
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
