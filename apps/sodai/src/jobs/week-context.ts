import type { DuckDBConnection } from '@duckdb/node-api';
import type { ModelSettings } from '../config/config-schema.ts';
import { DatasetCache } from '../features/dataset-cache.ts';
import { planForLatestData, type TrainingPlan } from '../features/cutoff-plan.ts';
import type { RawStore } from '../store/raw-store.ts';

/**
 * What every weekly job works on: one cut-off plan and one dataset cache, made once per run and
 * handed to each job, so no job plans again or rebuilds a cut-off another job built.
 */
export interface WeekContext {
  readonly connection: DuckDBConnection;
  /** The store `connection` belongs to, for jobs that commit (predict). */
  readonly store: RawStore | undefined;
  readonly settings: ModelSettings;
  readonly plan: TrainingPlan;
  readonly datasets: DatasetCache;
  readonly log: (line: string) => void;
}

/** A context whose plan counts from the latest purchase in the store (or the plan given). */
export async function weekContext(
  connection: DuckDBConnection,
  settings: ModelSettings,
  options: { plan?: TrainingPlan; log?: (line: string) => void; store?: RawStore } = {},
): Promise<WeekContext> {
  const log = options.log ?? (() => {});
  return {
    connection,
    store: options.store,
    settings,
    plan: options.plan ?? (await planForLatestData(connection, settings)),
    datasets: new DatasetCache(connection, {
      lookbackWeeks: settings.lookbackWeeks,
      exploreK: settings.exploreK,
      log,
      ...(options.store ? { objects: options.store.shared.objects } : {}),
    }),
    log,
  };
}
