import { defineDag, type RunStore } from '@sodai/pipeline';
import { z } from 'zod';
import { keptDatasets } from '../features/kept-datasets.ts';
import { collectGarbage } from '../jobs/collect-garbage.ts';
import type { FlowEnv } from './flow-env.ts';
import { MAINTENANCE_DAG_ID } from './dag-ids.ts';

export { MAINTENANCE_DAG_ID };

export const MaintenanceParamsSchema = z.strictObject({
  /** List what the policy would remove and remove nothing. */
  dryRun: z.boolean().default(false),
});
export type MaintenanceParams = z.infer<typeof MaintenanceParamsSchema>;

/** Runs `work` with the pipeline's run store (see {@link buildMaintenanceDag}). */
export type WithRuns = <T>(work: (runs: RunStore) => Promise<T>) => Promise<T>;

/**
 * Upkeep on `retention.schedule` (default Sundays 04:00 UTC): one `gc` task applying the retention
 * policy. Its own DAG, so a slow or failed gc never holds back the weekly predictions. `withRuns`
 * lends the pipeline's run store, whose old runs gc deletes (never a running one, such as its own);
 * in the orchestrator's process it is the orchestrator's own connection, since on SQLite a second
 * connection of one process waiting for the write lock would block the event loop holding it.
 */
export function buildMaintenanceDag(env: FlowEnv, withRuns: WithRuns) {
  const dag = defineDag<MaintenanceParams>({
    id: MAINTENANCE_DAG_ID,
    ...(env.config.retention.schedule === null ? {} : { schedule: env.config.retention.schedule }),
    params: MaintenanceParamsSchema,
    maxActiveRuns: 1,
    description:
      'apply the retention policy: old runs, never-promoted versions, task logs, prediction log, quarantine, orphans, superseded datasets',
  });

  dag.task('gc', { retries: 1, retryDelayMs: 60_000 }, async (ctx) => {
    const { plan, outcome } = await withRuns((runs) =>
      env.withTracking((tracking) =>
        env.withStore((store) =>
          collectGarbage(
            {
              shared: store.shared,
              datasets: keptDatasets(store, env.config.model),
              tracking,
              pipeline: runs,
            },
            env.config.retention,
            { dryRun: ctx.params.dryRun },
          ),
        ),
      ),
    );
    for (const item of outcome?.skipped ?? [])
      ctx.log.warn(`kept ${item.item.kind} ${item.item.id}: ${item.reason}`);
    ctx.log.info(
      ctx.params.dryRun
        ? `dry run: ${plan.items.length} items, ${plan.bytes} bytes would be freed`
        : `removed ${outcome?.removed.length ?? 0} items, freed ${outcome?.bytes ?? 0} bytes`,
    );
    return {
      planned: plan.items.length,
      removed: outcome?.removed.length ?? 0,
      skipped: outcome?.skipped.length ?? 0,
      bytes: outcome?.bytes ?? 0,
      champion: plan.kept.champion,
    };
  });
  return dag;
}
