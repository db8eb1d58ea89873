import type { Transaction } from 'kysely';
import { TrackingError } from '../errors.ts';
import type { ArtifactRecord } from '../store/records.ts';
import { toArtifact } from '../store/row-mappers.ts';
import type { Database } from '../store/schema.ts';

/** What {@link deleteRunTree} removed: the runs (the root first) and the artifact records whose bytes the caller deletes. */
export interface DeletedRuns {
  readonly runIds: readonly string[];
  readonly artifacts: readonly ArtifactRecord[];
}

/** Tables keyed by `run_id` whose rows go with their run. */
const RUN_DATA_TABLES = [
  'params',
  'tags',
  'metrics',
  'latest_metrics',
  'artifacts',
  'dataset_inputs',
] as const;

/**
 * Deletes `runId` and every run nested under it (trials, gate decisions) with all their data, inside
 * `trx`. A whole tree goes or none of it: a child must never outlive the parent it points at.
 * Refuses with RUN_IN_USE while any run of the tree is RUNNING or a model version was made from it.
 */
export async function deleteRunTree(trx: Transaction<Database>, runId: string): Promise<DeletedRuns> {
  const root = await trx.selectFrom('runs').select('id').where('id', '=', runId).executeTakeFirst();
  if (!root) throw new TrackingError('RUN_NOT_FOUND', `no run with id ${runId}`, { runId });
  const ids = [runId];
  for (let frontier = [runId]; frontier.length > 0;) {
    const children = await trx
      .selectFrom('runs')
      .select('id')
      .where('parent_run_id', 'in', frontier)
      .execute();
    frontier = children.map((c) => c.id);
    ids.push(...frontier);
  }
  const running = await trx
    .selectFrom('runs')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'RUNNING')
    .executeTakeFirst();
  if (running) {
    throw new TrackingError('RUN_IN_USE', `run ${running.id} is still RUNNING`, {
      runId,
      running: running.id,
    });
  }
  const version = await trx
    .selectFrom('model_versions')
    .select(['model_name', 'version', 'run_id'])
    .where('run_id', 'in', ids)
    .executeTakeFirst();
  if (version) {
    throw new TrackingError(
      'RUN_IN_USE',
      `run ${version.run_id} is version ${version.version} of ${version.model_name}`,
      { runId, modelName: version.model_name, version: version.version },
    );
  }
  const artifacts = await trx
    .selectFrom('artifacts')
    .selectAll()
    .where('run_id', 'in', ids)
    .orderBy('path')
    .execute();
  for (const table of RUN_DATA_TABLES) await trx.deleteFrom(table).where('run_id', 'in', ids).execute();
  // Leaves first, so no remaining row ever names a deleted parent.
  for (const id of [...ids].reverse()) await trx.deleteFrom('runs').where('id', '=', id).execute();
  return Object.freeze({ runIds: Object.freeze(ids), artifacts: Object.freeze(artifacts.map(toArtifact)) });
}
