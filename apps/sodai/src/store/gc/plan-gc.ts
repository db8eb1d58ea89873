import type { RunStore as PipelineRunStore } from '@sodai/pipeline';
import { isTrackingError, type TrackingClient } from '@sodai/tracking';
import type { RetentionConfig } from '../../config/config-schema.ts';
import type { SharedStore } from '../shared-store.ts';
import { reportPrefix } from '../stored-reports.ts';
import { DAY_MS, daysAgo, type GcItem, type GcPlan } from './gc-item.ts';
import { planTrackingGc, type TrackingGcItem } from './tracking-retention.ts';
import { expiringTables, isDrop, planExpiringTable, type ExpiringFileGcItem } from './expiring-tables.ts';
import { planDatasetGc, type DatasetGcItem, type KeptDatasets } from './superseded-datasets.ts';

/** Validation reports: an ingestion record points at each one kept. */
const INGEST_REPORTS_PREFIX = reportPrefix('ingest');

/**
 * Where gc looks: the catalog and objects, the built datasets kept beside them, tracking and the
 * registry, the pipeline's run store.
 */
export interface GcSources {
  readonly shared: Pick<SharedStore, 'catalog' | 'objects'>;
  readonly datasets: KeptDatasets;
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

export interface OrphanGcItem extends GcItem {
  readonly kind: 'orphan-file';
}

export interface OrphanArtifactGcItem extends GcItem {
  readonly kind: 'orphan-artifact';
}

export type PlannedGcItem =
  TrackingGcItem | PipelineGcItem | ExpiringFileGcItem | OrphanGcItem | DatasetGcItem | OrphanArtifactGcItem;

export interface PlannedGc extends GcPlan {
  readonly items: readonly PlannedGcItem[];
  /** The grace cut-off (epoch ms) the plan used for snapshots, orphans and superseded datasets. */
  readonly graceBefore: number;
}

/**
 * What the retention policy removes now, without removing anything (`sodai gc --dry-run` prints it,
 * `applyGc` carries it out). Never listed: the champion, any version that held an alias, the newest
 * version, versions a catalog commit names, running runs and their artifacts, each DAG's latest
 * scheduled run, orphan files and artifacts younger than the grace period, and a built dataset the
 * cache would read for today's data or one superseded but written within the grace period; no file's
 * bytes go while the current snapshot or one superseded within the grace period lists it (a reader
 * may hold it).
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

  // Validation reports too: a batch that lost the race to land the same content, or a refusal
  // whose record a later landing replaced, left its reports with no record pointing at them.
  const orphans: OrphanGcItem[] = (
    await catalog.listOrphans(objects, {
      minAgeMs: policy.orphanGraceMinutes * 60_000,
      prefixes: ['tables/', INGEST_REPORTS_PREFIX],
    })
  ).map((o) => ({
    kind: 'orphan-file',
    id: o.key,
    bytes: o.bytes,
    since: o.lastModified.getTime(),
    reason: `${o.key.startsWith(INGEST_REPORTS_PREFIX) ? 'no ingestion record points at it' : 'no snapshot lists it'}; written ${daysAgo(now, o.lastModified.getTime())}`,
  }));

  const datasets = await planDatasetGc(sources.datasets, now, graceBefore);

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

  const items: PlannedGcItem[] = [
    ...tracking.items,
    ...pipeline,
    ...expiring,
    ...orphans,
    ...datasets,
    ...artifacts,
  ];
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
