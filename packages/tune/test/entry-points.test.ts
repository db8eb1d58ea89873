import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Every bare module specifier reachable from `entry` through relative imports. */
function externalImports(entry: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(entry)) return found;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1] as string;
    if (spec.startsWith('.')) externalImports(resolve(dirname(entry), spec), seen, found);
    else found.add(spec);
  }
  return found;
}

describe('entry points', () => {
  it('the main entry never loads pg; the postgres subpath does', () => {
    const main = externalImports(join(src, 'index.ts'));
    expect(main.has('kysely')).toBe(true);
    expect([...main].filter((s) => s === 'pg' || s.startsWith('pg/'))).toEqual([]);
    expect(externalImports(join(src, 'storages', 'postgres.ts')).has('pg')).toBe(true);
  });
});
