import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/** Which heavy optional modules a fresh process has loaded after importing `entry`. */
function loadedAfterImporting(entry: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(entry)});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const heavy = ['/node_modules/pg/', '/node_modules/bullmq/', '/node_modules/ioredis/'];
    console.log(JSON.stringify(heavy.filter((h) => cache.some((p) => p.includes(h)))));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: pkg,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as string[];
}

describe('entry points', () => {
  it(
    'importing @sodai/pipeline loads neither pg nor BullMQ nor ioredis; the subpaths do',
    { timeout: 30_000 },
    () => {
      expect(loadedAfterImporting('@sodai/pipeline')).toEqual([]);
      expect(loadedAfterImporting('@sodai/pipeline/postgres')).toContain('/node_modules/pg/');
      expect(loadedAfterImporting('@sodai/pipeline/bullmq')).toEqual(
        expect.arrayContaining(['/node_modules/bullmq/']),
      );
    },
  );
});
