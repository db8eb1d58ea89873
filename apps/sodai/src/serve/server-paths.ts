import path from 'node:path';

/**
 * `value` with every server folder in `folders` cut out of its strings (`/srv/sodai/landing/w1.csv:
 * rejected` → `w1.csv: rejected`) and any other absolute path reduced to its file name: responses
 * say which file, never where the server keeps it.
 */
export function withoutServerPaths<T>(value: T, folders: readonly string[]): T {
  const prefixes = [...new Set(folders.filter(Boolean).map((f) => path.resolve(f) + path.sep))].sort(
    (a, b) => b.length - a.length,
  );
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v;
      for (const prefix of prefixes) s = s.split(prefix).join('');
      return path.isAbsolute(s) && !s.includes(' ') ? path.basename(s) : s;
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    }
    return v;
  };
  return clean(value) as T;
}
