import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOKS = new URL('./loaded-modules-hooks.mjs', import.meta.url).href;

/**
 * The module files a fresh Node process (under tsx) loads to import `entry`, resolved from `cwd`: a
 * resolve hook sees every ES module (zod, kysely, the package's own files), and the CommonJS cache
 * sees what `require` pulled in underneath (pg's internals, Fastify's dependencies).
 *
 * @example
 * loadedModules('@sodai/tracking', pkgDir).some((p) => p.includes('/node_modules/zod/')); // false
 */
export function loadedModules(entry: string, cwd: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sodai-loaded-modules-'));
  const out = join(dir, 'urls.txt');
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
    const esm = readFileSync(out, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => fileURLToPath(url));
    return [...new Set([...esm, ...required])].sort();
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
  const loaded = loadedModules(entry, cwd);
  return heavy.filter((h) => loaded.some((p) => p.includes(h)));
}
