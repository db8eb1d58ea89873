import type { AnyDag } from '../dag/dag.ts';
import { isPipelineError } from '../errors.ts';
import type { RunStore, RunTrigger } from '../stores/run-store.ts';
import { newRunId } from './run-id.ts';

export interface TriggerOptions {
  readonly params?: unknown;
  /** Default: now. */
  readonly logicalDate?: Date;
  /** Makes the run unique for the DAG: a second trigger with the same key throws RUN_EXISTS. */
  readonly runKey?: string;
  readonly trigger?: RunTrigger;
}

/** Creates a `queued` run of `dag` with its params validated by the DAG's schema; returns its id. */
export async function createQueuedRun(
  store: RunStore,
  dag: AnyDag,
  options: TriggerOptions,
): Promise<string> {
  const params = dag.parseParams(options.params);
  const id = newRunId();
  await store.createRun({
    id,
    dag: dag.toJSON(),
    trigger: options.trigger ?? 'manual',
    runKey: options.runKey ?? null,
    params,
    logicalDate: options.logicalDate ?? new Date(),
  });
  return id;
}

/**
 * Runs `create` and turns RUN_EXISTS into null: schedules, backfills and sensors key their runs, so a
 * key that already has a run means the work is already there.
 */
export async function unlessRunExists(create: () => Promise<string>): Promise<string | null> {
  try {
    return await create();
  } catch (e) {
    if (isPipelineError(e, 'RUN_EXISTS')) return null;
    throw e;
  }
}
