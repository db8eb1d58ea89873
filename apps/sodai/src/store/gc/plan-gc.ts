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

/** The retention settings plus the names the policy applies to (the app's model and tables). */
export interface GcPolicy extends Omit<RetentionConfig, 'schedule'> {
  readonly modelName: string;
  /** The serving alias, reported as the champion the plan keeps. */
  readonly championAlias: string;
  readonly predictionLogTable: string;
  readonly quarantineTable: string;
}

export interface PipelineGcItem extends GcItem {
  readonly kind: 'pipeline-run';
}

/**
 * A file of a table whose files expire by age (the prediction log's segments, the quarantine's
 * batches). `drop`: older than the table's retention, removed from the table by a commit; its bytes
 * are freed by a later gc, once every snapshot listing it was superseded longer than the grace period
 * ago. `release`: a file only such old snapshots list, deleted now with those snapshots.
 */
export interface ExpiringFileGcItem extends GcItem {
  readonly kind: ExpiringTable['kind'];
  readonly action: 'drop' | 'release';
}

export interface OrphanGcItem extends GcItem {
  readonly kind: 'orphan-file';
}

export interface OrphanArtifactGcItem extends GcItem {
  readonly kind: 'orphan-artifact';
}

export type PlannedGcItem =
  TrackingGcItem | PipelineGcItem | ExpiringFileGcItem | OrphanGcItem | OrphanArtifactGcItem;

/**
 * A catalog table whose files leave it by age and whose old snapshots are then forgotten, so their
 * bytes can go: nobody reads either as of a past snapshot.
 */
export interface ExpiringTable {
  readonly kind: 'prediction-log' | 'quarantine';
  readonly table: string;
  readonly days: number;
  /** `logged 200 days ago`, `quarantined 200 days ago`. */
  readonly added: string;
  /** `the log`, `the quarantine`. */
  readonly name: string;
}

/** The tables retention expires files of, in the order gc handles them. */
export function expiringTables(policy: GcPolicy): readonly ExpiringTable[] {
  return [
    {
      kind: 'prediction-log',
      table: policy.predictionLogTable,
      days: policy.predictionLogDays,
      added: 'logged',
      name: 'the log',
    },
    {
      kind: 'quarantine',
      table: policy.quarantineTable,
      days: policy.quarantineDays,
      added: 'quarantined',
      name: 'the quarantine',
    },
  ];
}

/** The reason of a file released with the snapshots that listed it. */
export const releasedReason = (t: ExpiringTable): string =>
  `left ${t.name} earlier; only snapshots superseded before the grace period list it`;

async function planExpiringTable(
  catalog: GcSources['shared']['catalog'],
  t: ExpiringTable,
  now: number,
  graceBefore: number,
): Promise<ExpiringFileGcItem[]> {
  return [
    ...(await catalog.currentFilesBefore(t.table, now - t.days * DAY_MS)).map((f): ExpiringFileGcItem => ({
      kind: t.kind,
      action: 'drop',
      id: f.key,
      bytes: f.bytes,
      since: f.committedAt,
      reason: `${t.added} ${daysAgo(now, f.committedAt)}: leaves ${t.name} (bytes freed by a later gc)`,
    })),
    ...(await catalog.releasableFiles(t.table, graceBefore)).map((f): ExpiringFileGcItem => ({
      kind: t.kind,
      action: 'release',
      id: f.key,
      bytes: f.bytes,
      since: graceBefore,
      reason: releasedReason(t),
    })),
  ];
}

export interface PlannedGc extends GcPlan {
  readonly items: readonly PlannedGcItem[];
  /** The grace cut-off (epoch ms) the plan used for snapshots and orphans. */
  readonly graceBefore: number;
}

/** A file that leaves its table in this pass and is freed by a later one. */
export const isDrop = (i: PlannedGcItem): i is ExpiringFileGcItem => 'action' in i && i.action === 'drop';

/**
 * What the retention policy removes now, without removing anything (`sodai gc --dry-run` prints it,
 * `applyGc` carries it out). Never listed: the champion, any version that held an alias, the newest
 * version, versions a catalog commit names, running runs and their artifacts, each DAG's latest
 * scheduled run, files a current snapshot lists or one superseded within the grace period lists (a
 * reader may hold it), and orphan files and artifacts younger than the grace period.
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

  const expiring: ExpiringFileGcItem[] = [];
  for (const t of expiringTables(policy))
    expiring.push(...(await planExpiringTable(catalog, t, now, graceBefore)));

  const orphans: OrphanGcItem[] = (
    await catalog.listOrphans(objects, { minAgeMs: policy.orphanGraceMinutes * 60_000 })
  ).map((o) => ({
    kind: 'orphan-file',
    id: o.key,
    bytes: o.bytes,
    since: o.lastModified.getTime(),
    reason: `no snapshot lists it; written ${daysAgo(now, o.lastModified.getTime())}`,
  }));

  const artifacts: OrphanArtifactGcItem[] = (
    await sources.tracking.unreferencedArtifacts({ writtenBefore: graceBefore })
  ).map((a) => ({
    kind: 'orphan-artifact',
    id: a.key,
    bytes: a.sizeBytes,
    since: a.modifiedAt,
    reason: a.runExists
      ? `run ${a.runId} never recorded it (an interrupted write); written ${daysAgo(now, a.modifiedAt)}`
      : `run ${a.runId} no longer exists; written ${daysAgo(now, a.modifiedAt)}`,
  }));

  const items: PlannedGcItem[] = [...tracking.items, ...pipeline, ...expiring, ...orphans, ...artifacts];
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
    // Files that only leave their table free nothing in this pass.
    bytes: items.reduce((sum, i) => sum + (isDrop(i) ? 0 : i.bytes), 0),
    kept: Object.freeze({ champion, versions: Object.freeze([...tracking.kept].sort((a, b) => a - b)) }),
  });
}
