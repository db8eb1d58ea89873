import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { requireArgument } from '../errors.ts';
import type { RunStore } from '../stores/run-store.ts';

export interface FileSensorOptions {
  readonly dir: string;
  /** A RegExp on the file name, or a glob with `*` and `?` (default: every file). */
  readonly pattern?: RegExp | string;
  /** Poll period (default 5000 ms). */
  readonly intervalMs?: number;
  /** Ignore files modified less than this long ago, so a file still being copied is not picked up (default 0). */
  readonly minAgeMs?: number;
  /**
   * Names to look at instead of reading `dir`, for listings that are not folders (an object-store
   * prefix): `dir` is then only the listing's name (`s3://bucket/landing`), a file's path is
   * `<dir>/<name>` and `minAgeMs` does not apply (the lister returns whole objects only). A name
   * given with a `version` (an ETag, a content hash) fires again when its version changes.
   */
  readonly list?: () => Promise<readonly (string | SensedFile)[]>;
}

/** A file a listing holds, and what changes when its content is replaced under the same name. */
export interface SensedFile {
  readonly name: string;
  readonly version?: string;
}

/** Why `onFile` is called: a name not seen before, or a known name whose content was replaced. */
export interface SensedChange {
  /** Undefined for a new name; the new version for a file replaced under a name already seen. */
  readonly replacedVersion: string | undefined;
}

export interface FileSensorDeps {
  readonly store: RunStore;
  /** Stable id under which seen files are remembered in the store. */
  readonly sensorId: string;
  /**
   * Called once per new file with its absolute path, and again when a file is replaced under the
   * same name (its version changes); must be idempotent per path and version (a crash between the
   * call and the memo calls it again).
   */
  readonly onFile: (path: string, change: SensedChange) => Promise<void>;
  readonly now?: () => number;
  /** Where poll errors go (a missing folder, a store hiccup); polling goes on. */
  readonly onError?: (error: unknown) => void;
}

/** A polling sensor; `poll()` is public so tests and CLIs can drive it without timers. */
export interface FileSensor {
  /** Looks once; returns the new files' absolute paths (each handed to `onFile`). */
  poll(): Promise<readonly string[]>;
  start(): void;
  stop(): Promise<void>;
}

/** The folder (resolved) or the listing's name (as given, without a trailing slash) a sensor watches. */
export function sensedDir(options: Pick<FileSensorOptions, 'dir' | 'list'>): string {
  return options.list ? options.dir.replace(/\/+$/, '') : resolve(options.dir);
}

function toRegExp(pattern: RegExp | string | undefined): RegExp {
  if (pattern === undefined) return /^/;
  if (pattern instanceof RegExp) return pattern;
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** Remembers the versions seen, beside the names; the marker says versions have been kept since. */
const VERSIONS_KEPT = '(versions kept from here on)';

/**
 * Watches a folder by polling and calls `onFile` once per new file, and once more each time a file
 * is replaced under the same name (its modification time or size in a folder, the listing's
 * version otherwise): a corrected batch uploaded over a refused one is checked at once. Names and
 * versions are remembered in the run store, so a restart does not fire again for old files; the
 * first poll of a store that kept only names (an earlier version) takes the versions it finds as
 * known rather than firing for every file. The memo is written after `onFile` succeeds: a crash in
 * between calls `onFile` again, which the orchestrator makes harmless with a per-file (and
 * per-version) run key.
 *
 * @example
 * import { createFileSensor } from '@sodai/pipeline';
 * const sensor = createFileSensor({ dir: 'landing', pattern: '*.parquet' }, {
 *   store, sensorId: 'landing', onFile: async (path) => console.log('new', path),
 * });
 * await sensor.poll();
 */
export function createFileSensor(options: FileSensorOptions, deps: FileSensorDeps): FileSensor {
  const dir = sensedDir(options);
  const regex = toRegExp(options.pattern);
  const intervalMs = options.intervalMs ?? 5000;
  const minAgeMs = options.minAgeMs ?? 0;
  requireArgument(intervalMs > 0, 'intervalMs', 'must be > 0');
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<readonly string[]> | null = null;

  const pathOf = (name: string) => (options.list ? `${dir}/${name}` : join(dir, name));
  const listFolder = async (): Promise<SensedFile[]> => {
    const files: SensedFile[] = [];
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (!e.isFile() || !regex.test(e.name)) continue;
      const s = await stat(join(dir, e.name));
      if (minAgeMs > 0 && now() - s.mtimeMs < minAgeMs) continue;
      files.push({ name: e.name, version: `${Math.trunc(s.mtimeMs)}:${s.size}` });
    }
    return files;
  };
  const listed = async (): Promise<SensedFile[]> =>
    options.list
      ? (await options.list())
          .map((f) => (typeof f === 'string' ? { name: f } : f))
          .filter((f) => regex.test(f.name))
      : listFolder();

  const versionsId = `${deps.sensorId}#versions`;
  // Once the store keeps versions it always will: asked until then, not on every poll.
  let versionsKeptKnown = false;
  const versionKey = (f: SensedFile) => `${f.name}@${f.version}`;

  const pollOnce = async (): Promise<readonly string[]> => {
    const files = (await listed()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const versioned = files.filter((f) => f.version !== undefined);
    const freshNames = new Set(
      await deps.store.unseen(
        deps.sensorId,
        files.map((f) => f.name),
      ),
    );
    const freshVersions = new Set(await deps.store.unseen(versionsId, versioned.map(versionKey)));
    const versionsKept =
      versionsKeptKnown || (await deps.store.unseen(versionsId, [VERSIONS_KEPT])).length === 0;
    const fired: string[] = [];
    for (const f of files) {
      const path = pathOf(f.name);
      const newVersion = f.version !== undefined && freshVersions.has(versionKey(f));
      if (freshNames.has(f.name)) {
        await deps.onFile(path, { replacedVersion: undefined });
        // The version first: a crash before the name's memo fires the name again, under its own
        // run key (no second run), never as a replacement of itself.
        if (newVersion) await deps.store.markSeen(versionsId, [versionKey(f)]);
        await deps.store.markSeen(deps.sensorId, [f.name]);
        fired.push(path);
      } else if (newVersion) {
        if (versionsKept) {
          await deps.onFile(path, { replacedVersion: f.version });
          fired.push(path);
        }
        await deps.store.markSeen(versionsId, [versionKey(f)]);
      }
    }
    if (!versionsKept) await deps.store.markSeen(versionsId, [VERSIONS_KEPT]);
    versionsKeptKnown = true;
    return fired;
  };

  const poll = (): Promise<readonly string[]> => {
    // One poll at a time: overlapping polls would both see a file as unseen.
    polling ??= pollOnce().finally(() => {
      polling = null;
    });
    return polling;
  };

  const loop = (): void => {
    timer = setTimeout(() => {
      poll()
        .catch((e: unknown) => deps.onError?.(e))
        .finally(() => {
          if (timer !== null) loop();
        });
    }, intervalMs);
  };

  return {
    poll,
    start() {
      if (timer === null) {
        poll().catch((e: unknown) => deps.onError?.(e));
        loop();
      }
    },
    async stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await polling?.catch(() => {});
    },
  };
}
