import {
  isTerminal,
  isTrackingError,
  type ModelAlias,
  type ModelVersion,
  type Run,
  type TrackingClient,
} from '@sodai/tracking';
import { DAY_MS, daysAgo, type GcItem } from './gc-item.ts';

export interface TrackingRetention {
  readonly modelName: string;
  readonly runsDays: number;
  readonly unpromotedVersionsDays: number;
  /** Versions a catalog commit names: kept whatever their age. */
  readonly referencedVersions: ReadonlySet<number>;
}

/** A tracking item with what applying it takes: the versions to delete first, then the run tree. */
export interface TrackingGcItem extends GcItem {
  readonly kind: 'model-version' | 'tracking-run';
  readonly rootRunId: string;
  readonly versions: readonly number[];
}

const PAGE = 10_000;

async function allRuns(tracking: TrackingClient): Promise<Run[]> {
  const runs: Run[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await tracking.searchRuns({ limit: PAGE, offset });
    runs.push(...page);
    if (page.length < PAGE) return runs;
  }
}

/** Every run tree by its root's id (a training run with its trials and gate decision). */
function runTrees(runs: readonly Run[]): Map<string, Run[]> {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const rootOf = (run: Run): string => {
    let at = run;
    for (let parent = byId.get(at.parentRunId ?? ''); parent; parent = byId.get(at.parentRunId ?? ''))
      at = parent;
    return at.id;
  };
  const trees = new Map<string, Run[]>();
  for (const run of runs) {
    const root = rootOf(run);
    trees.set(root, [...(trees.get(root) ?? []), run]);
  }
  return trees;
}

/** A model nothing was registered under yet has no versions and no aliases. */
function noModelYet<T>(error: unknown): T[] {
  if (isTrackingError(error, 'MODEL_NOT_FOUND')) return [];
  throw error;
}

/** Versions that must stay: ever held an alias, the newest (numbers are never reused), or referenced. */
async function keptVersions(
  tracking: TrackingClient,
  policy: TrackingRetention,
  versions: readonly ModelVersion[],
): Promise<Set<number>> {
  const kept = new Set(policy.referencedVersions);
  const newest = Math.max(0, ...versions.map((v) => v.version));
  if (newest > 0) kept.add(newest);
  const aliases = await tracking.registry.listAliases(policy.modelName).catch(noModelYet<ModelAlias>);
  for (const alias of aliases) {
    for (const entry of await tracking.registry.getAliasHistory(policy.modelName, alias.alias))
      kept.add(entry.version);
  }
  return kept;
}

/**
 * The tracking part of a gc plan: never-promoted versions older than `unpromotedVersionsDays` (with
 * their run tree and its artifacts), then finished run trees older than `runsDays` that no version
 * came from. A tree with a kept version stays whole: its trials and gate decision explain the version.
 */
export async function planTrackingGc(
  tracking: TrackingClient,
  policy: TrackingRetention,
  now: number,
): Promise<{ items: TrackingGcItem[]; kept: Set<number> }> {
  const versions = await tracking.registry
    .listModelVersions(policy.modelName)
    .catch(noModelYet<ModelVersion>);
  const kept = await keptVersions(tracking, policy, versions);
  const runs = await allRuns(tracking);
  const trees = runTrees(runs);
  const rootOfRun = new Map<string, string>();
  for (const [root, members] of trees) for (const r of members) rootOfRun.set(r.id, root);
  const versionsByRoot = new Map<string, ModelVersion[]>();
  for (const v of versions) {
    const root = rootOfRun.get(v.runId) ?? v.runId;
    versionsByRoot.set(root, [...(versionsByRoot.get(root) ?? []), v]);
  }
  // Versions of other registered models pin their runs: this policy only judges `modelName`'s.
  const otherModels = await tracking.registry.listRegisteredModels();
  const pinnedRoots = new Set<string>();
  for (const m of otherModels) {
    if (m.name === policy.modelName) continue;
    for (const v of await tracking.registry.listModelVersions(m.name))
      pinnedRoots.add(rootOfRun.get(v.runId) ?? v.runId);
  }

  const items: TrackingGcItem[] = [];
  for (const [root, members] of trees) {
    if (pinnedRoots.has(root) || !members.every((r) => isTerminal(r.status))) continue;
    const treeVersions = versionsByRoot.get(root) ?? [];
    let item: Omit<TrackingGcItem, 'bytes'> | undefined;
    if (treeVersions.length > 0) {
      if (treeVersions.some((v) => kept.has(v.version))) continue;
      const since = Math.max(...treeVersions.map((v) => v.createdAt));
      if (since > now - policy.unpromotedVersionsDays * DAY_MS) continue;
      const names = treeVersions.map((v) => `v${v.version}`).join('+');
      item = {
        kind: 'model-version',
        id: names,
        since,
        reason: `never promoted, registered ${daysAgo(now, since)} (run ${root}, ${members.length} run${members.length === 1 ? '' : 's'})`,
        rootRunId: root,
        versions: treeVersions.map((v) => v.version),
      };
    } else {
      const since = Math.max(...members.map((r) => r.endTime ?? r.startTime));
      if (since > now - policy.runsDays * DAY_MS) continue;
      const rootRun = members.find((r) => r.id === root);
      item = {
        kind: 'tracking-run',
        id: root,
        since,
        reason: `${rootRun?.status ?? 'ended'} ${daysAgo(now, since)}${rootRun?.name ? ` (${rootRun.name})` : ''}, no model version`,
        rootRunId: root,
        versions: [],
      };
    }
    let bytes = 0;
    for (const r of members) for (const a of await tracking.store.listArtifacts(r.id)) bytes += a.sizeBytes;
    items.push({ ...item, bytes });
  }
  items.sort((a, b) => a.since - b.since || a.id.localeCompare(b.id));
  return { items, kept };
}
