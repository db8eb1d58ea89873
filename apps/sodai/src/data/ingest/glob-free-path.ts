import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Characters DuckDB's file readers expand as a glob pattern: no escaping exists for them. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

export interface ReadablePath {
  /** A path DuckDB reads as exactly this one file. */
  readonly path: string;
  release(): void;
}

/**
 * DuckDB reads `week[1].parquet` as a pattern that may match another file, so a name with glob
 * characters is read through a plain-named link in a private folder; other paths are read as is.
 */
export function globFreePath(file: string): ReadablePath {
  if (!GLOB_CHARACTERS.test(file)) return { path: file, release() {} };
  const folder = mkdtempSync(path.join(tmpdir(), 'sodai-ingest-'));
  const link = path.join(folder, `input${path.extname(file).toLowerCase()}`);
  symlinkSync(file, link);
  return {
    path: link,
    release() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
