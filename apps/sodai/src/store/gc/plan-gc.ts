import type { RunStore as PipelineRunStore } from '@sodai/pipeline';
import { isTrackingError, type TrackingClient } from '@sodai/tracking';
import type { RetentionConfig } from '../../config/config-schema.ts';
import type { SharedStore } from '../shared-store.ts';
import { DAY_MS, daysAgo, type GcItem, type GcPlan } from './gc-item.ts';
import { planTrackingGc, type TrackingGcItem } from './tracking-retention.ts';

/** Where gc looks: the catalog and objects, tracking and the registry, the pipeline's run store. */
export interface GcSources {
  readonly shared: Pick<SharedStore, 'catalog' | 'objects'>;
  readonly tracking: TrackingClient;
  readonly pipeline: PipelineRunStore;
}

/** The retention settings plus the names the policy applies to (the app's model and log table). */
export interface GcPolicy extends Omit<RetentionConfig, 'schedule'> {
  readonly modelName: string;
  /** The serving alias, reported as the champion the plan keeps. */
  readonly championAlias: string;
  readonly predictionLogTable: string;
}

export interface PipelineGcItem extends GcItem {
  readonly kind: 'pipeline-run';
}

/**
 * `drop`: a segment older than the log's retention, removed from the log by a commit; its bytes are
 * freed by a later gc, once every snapshot listing it was superseded longer than the grace period ago. `release`: a file
 * only such old snapshots list, deleted now with those snapshots.
 */
export interface LogGcItem extends GcItem {
  readonly kind: 'prediction-log';
  readonly action: 'drop' | 'release';
}

export interface OrphanGcItem extends GcItem {
  readonly kind: 'orphan-file';
}

export type PlannedGcItem = TrackingGcItem | PipelineGcItem | LogGcItem | OrphanGcItem;

export interface PlannedGc extends GcPlan {
  readonly items: readonly PlannedGcItem[];
  /** The grace cut-off (epoch ms) the plan used for snapshots and orphans. */
  readonly graceBefore: number;
}

/**
 * What the retention policy removes now, without removing anything (`sodai gc --dry-run` prints it,
 * `applyGc` carries it out). Never listed: the champion, any version that held an alias, the newest
 * version, versions a catalog commit names, running runs, each DAG's latest scheduled run, files a
 * snapshot superseded within the grace period lists (a reader may hold it), and orphans younger than
 * the grace period.
 */
export async function planGc(sources: GcSources, policy: GcPolicy, now: number): Promise<PlannedGc> {
  const { catalog, objects } = sources.shared;
  const graceBefore = now - policy.orphanGraceMinutes * 60_000;

  const tracking = await planTrackingGc(
    sources.tracking,
    {
      modelName: policy.modelName,
      runsDays: policy.runsDays,
      unpromotedVersionsDays: policy.unpromotedVersionsDays,
      referencedVersions: await catalog.referencedModelVersions(),
    },
    now,
  );

  const pipeline: PipelineGcItem[] = (
    await sources.pipeline.expiredRuns(new Date(now - policy.taskLogsDays * DAY_MS))
  ).map((r) => ({
    kind: 'pipeline-run',
    id: r.runId,
    bytes: r.logChars,
    since: r.finishedAt.getTime(),
    reason: `${r.dagId} run ${r.state} ${daysAgo(now, r.finishedAt.getTime())}: ${r.taskCount} tasks, ${r.logLines} log lines`,
  }));

  const log: LogGcItem[] = [
    ...(
      await catalog.currentFilesBefore(policy.predictionLogTable, now - policy.predictionLogDays * DAY_MS)
    ).map((f): LogGcItem => ({
      kind: 'prediction-log',
      action: 'drop',
      id: f.key,
      bytes: f.bytes,
      since: f.committedAt,
      reason: `logged ${daysAgo(now, f.committedAt)}: leaves the log (bytes freed by a later gc)`,
    })),
    ...(await catalog.releasableFiles(policy.predictionLogTable, graceBefore)).map((f): LogGcItem => ({
      kind: 'prediction-log',
      action: 'release',
      id: f.key,
      bytes: f.bytes,
      since: graceBefore,
      reason: 'left the log earlier; only snapshots superseded before the grace period list it',
    })),
  ];

  const orphans: OrphanGcItem[] = (
    await catalog.listOrphans(objects, { minAgeMs: policy.orphanGraceMinutes * 60_000 })
  ).map((o) => ({
    kind: 'orphan-file',
    id: o.key,
    bytes: o.bytes,
    since: o.lastModified.getTime(),
    reason: `no snapshot lists it; written ${daysAgo(now, o.lastModified.getTime())}`,
  }));

  const items: PlannedGcItem[] = [...tracking.items, ...pipeline, ...log, ...orphans];
  const champion = await sources.tracking.registry
    .getAlias(policy.modelName, policy.championAlias)
    .then((a) => a.version)
    .catch((error: unknown) => {
      if (isTrackingError(error, 'MODEL_NOT_FOUND', 'ALIAS_NOT_FOUND')) return null;
      throw error;
    });
  return Object.freeze({
    at: now,
    graceBefore,
    items: Object.freeze(items),
    // Log segments that only leave the log free nothing in this pass.
    bytes: items.reduce(
      (sum, i) => sum + (i.kind === 'prediction-log' && i.action === 'drop' ? 0 : i.bytes),
      0,
    ),
    kept: Object.freeze({ champion, versions: Object.freeze([...tracking.kept].sort((a, b) => a - b)) }),
  });
}
