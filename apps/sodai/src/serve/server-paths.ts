import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataPaths } from '../config/load-config.ts';

/** The folders of the data directory that responses never name: data, landing, reports. */
export function dataFolders(paths: DataPaths): string[] {
  return [paths.dataDir, paths.landingDir, paths.reportsDir];
}

/**
 * `value` with every server folder in `folders` cut out of its strings (`/srv/sodai/landing/w1.csv:
 * rejected` → `w1.csv: rejected`) and any other absolute path reduced to its file name: responses
 * say which file, never where the server keeps it.
 */
export function withoutServerPaths<T>(value: T, folders: readonly string[]): T {
  const prefixes = [...new Set(folders.filter(Boolean).map((f) => path.resolve(f) + path.sep))].sort(
    (a, b) => b.length - a.length,
  );
  return mapStrings(value, (v) => {
    let s = v;
    for (const prefix of prefixes) s = s.split(prefix).join('');
    return path.isAbsolute(s) && !s.includes(' ') ? path.basename(s) : s;
  });
}

/** `value` with `fn` applied to every string in it, however deep. */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

// An absolute path inside a sentence: two or more segments, starting the line or after a space,
// quote, bracket or `=` (never after `:`, so `https://host/a` stays a URL).
const EMBEDDED_PATH = /(?<=^|[\s'"(=])\/(?:[^\s'"()/]+\/)+[^\s'"()/]+/g;
const FILE_URL = /file:\/\/(\/[^\s'"()]+)/g;

/**
 * A free-text line (a task's log line) under the rule of {@link withoutServerPaths}, applied to
 * every path in the text rather than to the whole string: `file://` URLs are read as the paths
 * they name, the outermost server folders are cut (`/srv/sodai/exports/p.csv` → `exports/p.csv`)
 * and any other absolute path left is reduced to its file name.
 *
 * @example
 * textWithoutServerPaths('rejected: /srv/sodai/landing/w1.parquet: bad', ['/srv/sodai']);
 * // → 'rejected: landing/w1.parquet: bad'
 */
export function textWithoutServerPaths(text: string, folders: readonly string[]): string {
  const asPaths = text.replace(FILE_URL, (url, p: string) => {
    try {
      return fileURLToPath(url);
    } catch {
      return p;
    }
  });
  // Only the outermost folders: `landing/w1.parquet` and `objects/exports/p.csv` say which copy
  // a line means, where the file names alone would read as the same file twice.
  const resolved = folders.filter(Boolean).map((f) => path.resolve(f));
  const outermost = resolved.filter((f) => !resolved.some((o) => o !== f && f.startsWith(o + path.sep)));
  return withoutServerPaths(asPaths, outermost).replace(EMBEDDED_PATH, (p) => path.basename(p));
}

/**
 * {@link textWithoutServerPaths} on every string of `value`: a run's error, a task's output, where
 * a path may sit inside a sentence ("rejected: /srv/sodai/landing/w1.parquet: …").
 */
export function everyTextWithoutServerPaths<T>(value: T, folders: readonly string[]): T {
  return mapStrings(value, (s) => textWithoutServerPaths(s, folders));
}
