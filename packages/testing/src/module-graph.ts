import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The modules a fresh Node process loads for one import, as file paths. */
export interface ModuleGraph {
  /** Every module file loaded: through the ESM loader and through `require` (CommonJS). */
  readonly loaded: readonly string[];
  /** ESM import edges `[importer, imported]` between files (what actually ran, type imports erased). */
  readonly edges: readonly (readonly [string, string])[];
}

const HOOKS = new URL('./module-graph-hooks.mjs', import.meta.url).href;

const toPath = (url: string): string | undefined =>
  url.startsWith('file:') ? fileURLToPath(url) : undefined;

/**
 * Imports `entry` (resolved from `cwd`) in a fresh Node process under tsx and records what loads:
 * a resolve hook sees every ES module (zod, kysely, the package's own files), and the CommonJS cache
 * sees what `require` pulled in underneath (pg, fastify's dependencies).
 *
 * @example
 * const { loaded } = moduleGraph('@sodai/tracking', pkgDir);
 * loaded.some((p) => p.includes('/node_modules/zod/')); // false: the main entry keeps zod out
 */
export function moduleGraph(entry: string, cwd: string): ModuleGraph {
  const dir = mkdtempSync(join(tmpdir(), 'sodai-module-graph-'));
  const out = join(dir, 'edges.tsv');
  // Registered after tsx, so this hook runs first and sees the URL tsx finally resolved.
  const script = `
    import { register, createRequire } from 'node:module';
    register(${JSON.stringify(HOOKS)}, { data: { out: ${JSON.stringify(out)} } });
    await import(${JSON.stringify(entry)});
    process.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd,
      encoding: 'utf8',
    });
    const required = JSON.parse(stdout) as string[];
    const edges: (readonly [string, string])[] = [];
    const esm = new Set<string>();
    for (const line of readFileSync(out, 'utf8').split('\n')) {
      const [parent = '', child = ''] = line.split('\t');
      const to = toPath(child);
      if (to === undefined) continue;
      esm.add(to);
      const from = toPath(parent);
      if (from !== undefined) edges.push([from, to] as const);
    }
    return { loaded: [...new Set([...esm, ...required])].sort(), edges };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Which of `heavy` (path fragments such as `/node_modules/pg/`) a fresh Node process has loaded
 * after importing `entry` from `cwd`, as ES modules or through `require`: proves an entry point
 * keeps optional backends out.
 *
 * @example
 * expect(modulesLoadedBy('@sodai/tracking', ['/node_modules/pg/'], pkgDir)).toEqual([]);
 */
export function modulesLoadedBy(entry: string, heavy: readonly string[], cwd: string): string[] {
  const { loaded } = moduleGraph(entry, cwd);
  return heavy.filter((h) => loaded.some((p) => p.includes(h)));
}

/**
 * The import cycles among the files `edges` connects under `within` (a folder): each is a strongly
 * connected set of two or more files, or one file importing itself. Empty when the graph is acyclic.
 *
 * @example
 * const { edges } = moduleGraph('@sodai/tracking', pkgDir);
 * expect(importCycles(edges, join(pkgDir, 'src'))).toEqual([]);
 */
export function importCycles(edges: ModuleGraph['edges'], within: string): string[][] {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    if (!from.startsWith(within) || !to.startsWith(within)) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
    if (!next.has(to)) next.set(to, []);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
