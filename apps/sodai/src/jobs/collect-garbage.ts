import type { RetentionConfig } from '../config/config-schema.ts';
import { CHAMPION, MODEL_NAME } from '../model/registry.ts';
import { applyGc } from '../store/gc/apply-gc.ts';
import type { GcOutcome } from '../store/gc/gc-item.ts';
import { planGc, type GcPolicy, type GcSources, type PlannedGc } from '../store/gc/plan-gc.ts';
import { PREDICTION_LOG_TABLE } from '../store/prediction-log-table.ts';
import { QUARANTINE_TABLE } from '../store/raw-store.ts';

/** The configured retention applied to this app's model, champion alias, prediction log and quarantine. */
export function gcPolicy(retention: RetentionConfig): GcPolicy {
  const { schedule: _schedule, ...days } = retention;
  return {
    ...days,
    modelName: MODEL_NAME,
    championAlias: CHAMPION,
    predictionLogTable: PREDICTION_LOG_TABLE,
    quarantineTable: QUARANTINE_TABLE,
  };
}

export interface GarbageCollection {
  readonly plan: PlannedGc;
  /** Absent on a dry run. */
  readonly outcome?: GcOutcome;
}

/** `sodai gc` and the maintenance DAG: plans under the retention policy and, unless `dryRun`, removes. */
export async function collectGarbage(
  sources: GcSources,
  retention: RetentionConfig,
  options: { readonly dryRun: boolean; readonly now?: number },
): Promise<GarbageCollection> {
  const policy = gcPolicy(retention);
  const plan = await planGc(sources, policy, options.now ?? Date.now());
  if (options.dryRun) return { plan };
  return { plan, outcome: await applyGc(sources, policy, plan) };
}
