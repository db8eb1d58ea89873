import { execFileSync } from 'node:child_process';

/**
 * Which of `heavy` (path fragments such as `/node_modules/pg/`) a fresh Node process has loaded
 * after importing `entry` from `cwd`: proves an entry point keeps optional backends out.
 *
 * @example
 * expect(modulesLoadedBy('@sodai/tracking', ['/node_modules/pg/'], pkgDir)).toEqual([]);
 */
export function modulesLoadedBy(entry: string, heavy: readonly string[], cwd: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(entry)});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const heavy = ${JSON.stringify(heavy)};
    console.log(JSON.stringify(heavy.filter((h) => cache.some((p) => p.includes(h)))));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as string[];
}
