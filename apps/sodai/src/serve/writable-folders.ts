import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { SodaiError } from '../errors.ts';
import type { DependencyProbe } from './readiness.ts';

/** A folder the server writes to, and what it is called in answers. */
export interface WritableFolder {
  /** `landing folder`, `object store`: what the operator knows it by. */
  readonly label: string;
  readonly path: string;
}

/**
 * A folder as answers may show it: relative to the data folder (answers never carry server paths),
 * its own name when it lies elsewhere.
 */
export function shownFolder(folder: string, dataDir: string): string {
  const relative = path.relative(dataDir, folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(folder) : relative || '.';
}

/** The nearest existing folder at or above `folder` (a landing folder is created by the first upload). */
async function existingAncestor(folder: string): Promise<string> {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      await access(current, constants.F_OK);
      return current;
    } catch {
      if (path.dirname(current) === current) return current;
    }
  }
}

/**
 * Readiness: every folder the server writes to accepts writes. `access(W_OK)` reports a read-only
 * mount even to root (for whom permission bits alone never block). A restart cannot cure it, so it
 * never makes the server exit (that would only loop under a supervisor).
 */
export function writableFoldersProbe(folders: readonly WritableFolder[], dataDir: string): DependencyProbe {
  return {
    name: 'writable folders',
    restartHelps: false,
    async check() {
      const failures: string[] = [];
      for (const folder of folders) {
        try {
          await access(await existingAncestor(folder.path), constants.W_OK);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'not writable';
          failures.push(`${folder.label} ${shownFolder(folder.path, dataDir)} is not writable (${code})`);
        }
      }
      if (failures.length > 0) throw new Error(failures.join(', '));
    },
  };
}

/** The errors a folder that cannot take writes gives, whatever the user's rights. */
const UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/**
 * A write into a local folder (undefined: not a folder) that failed because the folder cannot take
 * it (read-only, full) as a 503 naming the folder the way answers show it; undefined for any other
 * failure.
 */
export function unwritable(
  error: unknown,
  label: string,
  folder: string | undefined,
  dataDir: string,
): SodaiError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (folder === undefined || code === undefined || !UNWRITABLE.has(code)) return undefined;
  return new SodaiError(
    'STORAGE_UNAVAILABLE',
    `the ${label} ${shownFolder(folder, dataDir)} cannot take the file (${code}); the server's operator must make it writable`,
    { cause: error },
  );
}
