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
   * `<dir>/<name>` and `minAgeMs` does not apply (the lister returns whole objects only).
   */
  readonly list?: () => Promise<readonly string[]>;
}

export interface FileSensorDeps {
  readonly store: RunStore;
  /** Stable id under which seen files are remembered in the store. */
  readonly sensorId: string;
  /** Called once per new file with its absolute path; must be idempotent per path (crash between call and memo). */
  readonly onFile: (path: string) => Promise<void>;
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

/**
 * Watches a folder by polling and calls `onFile` once per new file. Files are remembered by name in
 * the run store, so a restart does not fire again for old files. The memo is written after `onFile`
 * succeeds: a crash in between calls `onFile` again, which the orchestrator makes harmless with a
 * per-file run key (one run per file).
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
  const listFolder = async (): Promise<string[]> => {
    const names: string[] = [];
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (!e.isFile() || !regex.test(e.name)) continue;
      if (minAgeMs > 0 && now() - (await stat(join(dir, e.name))).mtimeMs < minAgeMs) continue;
      names.push(e.name);
    }
    return names;
  };

  const pollOnce = async (): Promise<readonly string[]> => {
    const names = options.list ? (await options.list()).filter((n) => regex.test(n)) : await listFolder();
    names.sort();
    const fresh = await deps.store.unseen(deps.sensorId, names);
    const fired: string[] = [];
    for (const name of fresh) {
      const path = pathOf(name);
      await deps.onFile(path);
      await deps.store.markSeen(deps.sensorId, [name]);
      fired.push(path);
    }
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
