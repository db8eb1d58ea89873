import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { serviceGate } from '@sodai/testing';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { openPostgresCatalog } from '../../src/store/catalog/postgres-catalog.ts';
import { LocalObjectStore } from '../../src/store/object-store/local-object-store.ts';
import { tempDir } from '../helpers.ts';

const WORKER = path.join(import.meta.dirname, 'catalog-crash-worker.ts');
/** Moments after the worker is ready at which it is killed: early, mid-stream, later. */
const KILL_AFTER_MS = [30, 250, 700];

/** Runs the worker and SIGKILLs it `delayMs` after it is ready; returns the last step it reported. */
function runAndKill(args: object, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(args)], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (timer === undefined && out.includes('ready\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.once('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`worker ended without being killed: ${out}`));
      const steps = [...out.matchAll(/committed (\d+)/g)].map((m) => Number(m[1]));
      resolve(steps.length === 0 ? -1 : Math.max(...steps));
    });
  });
}

async function expectWholeSnapshot(catalog: Catalog, objects: LocalObjectStore, lastReported: number) {
  const current = await catalog.currentSnapshot('steps');
  const committed = current?.files.length ?? 0;
  // The commit after the last report may have landed before the kill, never more.
  expect(committed === lastReported + 1 || committed === lastReported + 2).toBe(true);
  if (current) {
    expect(current.sequence).toBe(committed);
    expect(current.summary.totalFiles).toBe(committed);
    for (const file of current.files) {
      expect(await objects.localPath(file.key, file.contentHash)).toBeTruthy();
    }
  }
  // At most the one file put before the interrupted commit is left over.
  const orphans = (await catalog.listOrphans(objects)).map((o) => o.key);
  expect(orphans.length).toBeLessThanOrEqual(1);
  if (orphans.length === 1) expect(orphans[0]).toBe(`tables/steps/${String(committed).padStart(6, '0')}.bin`);
}

function describeCrash(
  name: string,
  open: () => Promise<{ args: object; catalog: Catalog; close(): Promise<void> }>,
) {
  describe(`SIGKILL while committing: ${name}`, () => {
    for (const delay of KILL_AFTER_MS) {
      it(`after ${delay} ms the table is at a whole snapshot and orphans are listed`, async () => {
        const objectsDir = tempDir('sodai-crash-objects-');
        const fx = await open();
        try {
          const last = await runAndKill({ ...fx.args, objects: objectsDir }, delay);
          await expectWholeSnapshot(fx.catalog, new LocalObjectStore(objectsDir), last);
        } finally {
          await fx.close();
        }
      });
    }
  });
}

describeCrash('SQLite', async () => {
  const file = path.join(tempDir('sodai-crash-'), 'catalog.db');
  const catalog = await openSqliteCatalog(file);
  return { args: { sqlite: file }, catalog, close: () => catalog.close() };
});

const pg = await serviceGate('postgres');
describe.runIf(pg.available)('Postgres', () => {
  describeCrash('Postgres', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const catalog = await openPostgresCatalog(pg.url, { schema, dropSchemaOnClose: true });
    return { args: { postgres: { url: pg.url, schema } }, catalog, close: () => catalog.close() };
  });
});
