import { isTrackingError } from '@sodai/tracking';
import type { GcItem, GcOutcome } from './gc-item.ts';
import { expiringTables, isDrop, releasedReason, type ExpiringFileGcItem } from './expiring-tables.ts';
import type { GcPolicy, GcSources, PlannedGc } from './plan-gc.ts';
import { removeDataset } from './superseded-datasets.ts';

/**
 * Carries out a plan from `planGc`. Each deletion goes through the API that guards it, so whatever
 * changed since the plan was made (a version promoted, a run resumed) is skipped, not removed:
 * versions before their runs (RUN_IN_USE otherwise), pipeline runs in one transaction, the old
 * files of the prediction log and of the quarantine in one commit per table then their expired
 * snapshots, orphan files, superseded datasets and unreferenced artifacts last. A superseded dataset
 * needs no guard: should it be wanted again meanwhile, the job that wants it builds it again.
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

  for (const t of expiringTables(policy)) {
    const drops = plan.items.filter((i): i is ExpiringFileGcItem => i.kind === t.kind && isDrop(i));
    if (drops.length > 0) {
      // No parent: appends (the server's log, an ingest's quarantined rows) commute with this
      // removal, so neither has to retry.
      await catalog.commit({
        operation: 'retention',
        summary: { droppedFiles: drops.length },
        tables: [{ table: t.table, mode: 'append', add: [], remove: drops.map((d) => d.id) }],
      });
      removed.push(...drops);
    }
    // Only files no snapshot left lists come back: never one the current snapshot holds.
    const released = await catalog.expireSnapshots(t.table, plan.graceBefore);
    for (const file of released) {
      await objects.delete(file.key);
      removed.push({
        kind: t.kind,
        id: file.key,
        bytes: file.bytes,
        since: plan.graceBefore,
        reason: releasedReason(t),
      });
    }
  }

  for (const item of plan.items) {
    if (item.kind !== 'orphan-file') continue;
    await objects.delete(item.id);
    removed.push(item);
  }

  for (const item of plan.items) {
    if (item.kind !== 'superseded-dataset') continue;
    await removeDataset(objects, item);
    removed.push(item);
  }

  for (const item of plan.items) {
    if (item.kind !== 'orphan-artifact') continue;
    try {
      await sources.tracking.deleteUnreferencedArtifact(item.id);
      removed.push(item);
    } catch (error) {
      if (!isTrackingError(error, 'ARTIFACT_IN_USE')) throw error;
      skipped.push({ item, reason: error.message });
    }
  }

  const freed = removed.filter((i) => !isDrop(i));
  return Object.freeze({
    removed: Object.freeze(removed),
    skipped: Object.freeze(skipped),
    bytes: freed.reduce((sum, i) => sum + i.bytes, 0),
  });
}
