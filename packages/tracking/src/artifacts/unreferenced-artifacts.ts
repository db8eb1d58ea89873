import { isTrackingError, TrackingError } from '../errors.ts';
import { RUNS_PREFIX } from '../runs/active-run.ts';
import type { TrackingStore } from '../store/tracking-store.ts';
import type { ArtifactInfo, ArtifactStore } from './artifact-store.ts';

/** Stored bytes nothing records: what an interrupted write or run deletion left behind. */
export interface UnreferencedArtifact extends ArtifactInfo {
  readonly runId: string;
  /** Whether the run still exists (it never recorded this path) or is gone. */
  readonly runExists: boolean;
}

/** Where retention looks: the records and the bytes of one tracking deployment. */
export interface ArtifactSources {
  readonly store: TrackingStore;
  readonly artifacts: ArtifactStore;
}

/** `runs/<runId>/<path>` → its parts; undefined for any other key. */
function parseArtifactKey(key: string): { runId: string; path: string } | undefined {
  if (!key.startsWith(RUNS_PREFIX)) return undefined;
  const rest = key.slice(RUNS_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return undefined;
  return { runId: rest.slice(0, slash), path: rest.slice(slash + 1) };
}

/**
 * What a run's artifact paths are worth to retention: `running` (bytes may be recorded any moment,
 * so none may go), the paths it recorded, or `gone` when the run no longer exists. A finished run
 * records nothing more (run data requires RUNNING), so a path it lacks now it lacks for good.
 */
async function runUsage(
  store: TrackingStore,
  runId: string,
): Promise<{ kind: 'running' } | { kind: 'gone' } | { kind: 'finished'; recorded: Set<string> }> {
  try {
    const run = await store.getRun(runId);
    if (run.status === 'RUNNING') return { kind: 'running' };
  } catch (error) {
    if (isTrackingError(error, 'RUN_NOT_FOUND')) return { kind: 'gone' };
    throw error;
  }
  return { kind: 'finished', recorded: new Set((await store.listArtifacts(runId)).map((a) => a.path)) };
}

/**
 * Run artifact bytes written before `writtenBefore` (epoch ms) that no artifact record points at: a
 * training killed between writing a file and recording it, a temporary file of an interrupted write,
 * or bytes whose run was deleted when the deletion was cut short. Bytes of a running run are never
 * listed. A model version (and so an alias, its history, anything naming the version) always points
 * at a recorded artifact: versions are only made from one, and a run with versions cannot be deleted.
 * The bytes are listed before the records are read, so an artifact recorded in between counts.
 */
export async function findUnreferencedArtifacts(
  sources: ArtifactSources,
  options: { readonly writtenBefore: number },
): Promise<UnreferencedArtifact[]> {
  const listed = (await sources.artifacts.list(RUNS_PREFIX)).filter(
    (a) => a.modifiedAt < options.writtenBefore,
  );
  const byRun = new Map<string, { info: ArtifactInfo; path: string }[]>();
  for (const info of listed) {
    const parsed = parseArtifactKey(info.key);
    if (!parsed) continue;
    const files = byRun.get(parsed.runId) ?? [];
    files.push({ info, path: parsed.path });
    byRun.set(parsed.runId, files);
  }
  const found: UnreferencedArtifact[] = [];
  for (const [runId, files] of byRun) {
    const usage = await runUsage(sources.store, runId);
    if (usage.kind === 'running') continue;
    for (const { info, path } of files) {
      if (usage.kind === 'finished' && usage.recorded.has(path)) continue;
      found.push(Object.freeze({ ...info, runId, runExists: usage.kind === 'finished' }));
    }
  }
  return found;
}

/**
 * Deletes the bytes at `key` after checking again that nothing points at them: ARTIFACT_IN_USE when
 * the run is running or records the path (retention then skips it); INVALID_ARGUMENT for a key that
 * is no run artifact's.
 */
export async function deleteUnreferencedArtifact(sources: ArtifactSources, key: string): Promise<void> {
  const parsed = parseArtifactKey(key);
  if (!parsed) {
    throw new TrackingError('INVALID_ARGUMENT', `key: "${key}" is not a run artifact (runs/<runId>/<path>)`, {
      field: 'key',
    });
  }
  const usage = await runUsage(sources.store, parsed.runId);
  const inUse =
    usage.kind === 'running'
      ? `run ${parsed.runId} is running`
      : usage.kind === 'finished' && usage.recorded.has(parsed.path)
        ? `run ${parsed.runId} records ${parsed.path}`
        : undefined;
  if (inUse) throw new TrackingError('ARTIFACT_IN_USE', `${key} is in use: ${inUse}`, { key });
  await sources.artifacts.delete(key);
}
