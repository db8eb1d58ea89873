import { hostname } from 'node:os';
import type { AnyDag } from '../dag/dag.ts';
import type { RecoveredRun, RunStore } from '../stores/run-store.ts';

/** This process as a run owner: `pid@host`. Recovery relies on that shape. */
export function localOwner(): string {
  return `${process.pid}@${hostname()}`;
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
 * Whether the process that owns a run is gone. Only owners on this host can be checked; others (and
 * owners of another shape) count as alive, so their own restart recovers them.
 */
export function isOwnerDead(owner: string | null): boolean {
  if (owner === null) return true;
  const at = owner.indexOf('@');
  const pid = Number(owner.slice(0, at));
  if (at < 0 || owner.slice(at + 1) !== hostname() || !Number.isInteger(pid)) return false;
  return pid !== process.pid && processIsDead(pid);
}

export interface RecoveryDeps {
  readonly store: RunStore;
  readonly owner: string;
  /** The DAG with an id, if this process has it registered. */
  readonly findDag: (id: string) => AnyDag | undefined;
  /** Drives a run (now owned here) on to its end. */
  readonly drive: (runId: string, dag: AnyDag) => void;
}

/**
 * Takes over the runs left `running` by dead owners on this host and drives them on; a run whose DAG
 * this process does not have is failed with a message saying so.
 */
export async function resumeInterruptedRuns(deps: RecoveryDeps): Promise<readonly RecoveredRun[]> {
  const { store } = deps;
  const recovered = await store.recoverInterrupted(deps.owner, isOwnerDead);
  for (const r of recovered) {
    const run = await store.getRun(r.runId);
    const dag = deps.findDag(run.dagId);
    if (dag) deps.drive(r.runId, dag);
    else
      await store.finishRun(
        r.runId,
        'failed',
        `DAG ${run.dagId} is not registered in the recovering process`,
      );
  }
  return recovered;
}
