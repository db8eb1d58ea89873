import { isTrackingError } from '@sodai/tracking';
import type { GcItem, GcOutcome } from './gc-item.ts';
import type { GcPolicy, GcSources, LogGcItem, PlannedGc } from './plan-gc.ts';

/**
 * Carries out a plan from `planGc`. Each deletion goes through the API that guards it, so whatever
 * changed since the plan was made (a version promoted, a run resumed) is skipped, not removed:
 * versions before their runs (RUN_IN_USE otherwise), pipeline runs in one transaction, the log's old
 * segments in one commit then its expired snapshots, orphans last.
 */
export async function applyGc(sources: GcSources, policy: GcPolicy, plan: PlannedGc): Promise<GcOutcome> {
  const removed: GcItem[] = [];
  const skipped: { item: GcItem; reason: string }[] = [];
  const { catalog, objects } = sources.shared;

  for (const item of plan.items) {
    if (item.kind !== 'model-version' && item.kind !== 'tracking-run') continue;
    try {
      for (const version of item.versions)
        await sources.tracking.registry.deleteModelVersion(policy.modelName, version);
      await sources.tracking.deleteRun(item.rootRunId);
      removed.push(item);
    } catch (error) {
      if (!isTrackingError(error, 'VERSION_IN_USE', 'RUN_IN_USE', 'RUN_NOT_FOUND', 'VERSION_NOT_FOUND'))
        throw error;
      skipped.push({ item, reason: error.message });
    }
  }

  const pipelineItems = plan.items.filter((i) => i.kind === 'pipeline-run');
  const deletedRuns = new Set(await sources.pipeline.deleteFinishedRuns(pipelineItems.map((i) => i.id)));
  for (const item of pipelineItems) {
    if (deletedRuns.has(item.id)) removed.push(item);
    else skipped.push({ item, reason: 'no longer a finished run that retention may delete' });
  }

  const logItems = plan.items.filter((i): i is LogGcItem => i.kind === 'prediction-log');
  const drops = logItems.filter((i) => i.action === 'drop');
  if (drops.length > 0) {
    // No parent: the server's appends commute with this removal, so neither has to retry.
    await catalog.commit({
      operation: 'retention',
      summary: { droppedSegments: drops.length },
      tables: [{ table: policy.predictionLogTable, mode: 'append', add: [], remove: drops.map((d) => d.id) }],
    });
    removed.push(...drops);
  }
  const released = await catalog.expireSnapshots(policy.predictionLogTable, plan.graceBefore);
  for (const file of released) {
    await objects.delete(file.key);
    removed.push({
      kind: 'prediction-log',
      id: file.key,
      bytes: file.bytes,
      since: plan.graceBefore,
      reason: 'left the log earlier; only snapshots superseded before the grace period listed it',
    });
  }

  for (const item of plan.items) {
    if (item.kind !== 'orphan-file') continue;
    await objects.delete(item.id);
    removed.push(item);
  }

  const freed = removed.filter((i) => !(i.kind === 'prediction-log' && drops.includes(i as LogGcItem)));
  return Object.freeze({
    removed: Object.freeze(removed),
    skipped: Object.freeze(skipped),
    bytes: freed.reduce((sum, i) => sum + i.bytes, 0),
  });
}
