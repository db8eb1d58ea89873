import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { serviceGate } from '@sodai/testing';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { openPostgresCatalog } from '../../src/store/catalog/postgres-catalog.ts';
import { tempDir } from '../helpers.ts';

const WORKER = path.join(import.meta.dirname, 'catalog-race-worker.ts');

type Where = { sqlite: string } | { postgres: { url: string; schema: string } };

function startWorker(where: Where, name: string, dates: [string, string], withParent: boolean) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, JSON.stringify({ ...where, name, dates, withParent })],
    { cwd: import.meta.dirname, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code}) before it was ready`)));
  });
  const done = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`worker ${name} failed (${code}): ${out}`));
      else resolve((JSON.parse(last) as { outcome: string }).outcome);
    });
  });
  return { child, ready, done };
}

/** Two processes, both prepared on the same (empty) table, told to commit at the same instant. */
async function race(where: Where, withParent: boolean): Promise<string[]> {
  const a = startWorker(where, 'batch-a', ['2024-01-01', '2024-01-07'], withParent);
  const b = startWorker(where, 'batch-b', ['2024-01-04', '2024-01-10'], withParent);
  const children: ChildProcess[] = [a.child, b.child];
  try {
    await Promise.all([a.ready, b.ready]);
    for (const child of children) child.stdin!.write('go\n');
    return (await Promise.all([a.done, b.done])).sort();
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function expectOneLanded(catalog: Catalog): Promise<void> {
  const current = await catalog.currentSnapshot('transactions');
  expect(current?.files).toHaveLength(1);
  expect(current?.sequence).toBe(1);
  const ingestions = await catalog.listIngestions();
  expect(ingestions).toHaveLength(1);
  expect(current?.files[0]?.key).toBe(`tables/transactions/${ingestions[0]?.sourceName}.parquet`);
}

function describeRace(
  name: string,
  open: () => Promise<{ where: Where; catalog: Catalog; close(): Promise<void> }>,
) {
  describe(`two processes ingest overlapping batches at once: ${name}`, () => {
    it('prepared on the same parent snapshot: one wins, the other gets SNAPSHOT_CONFLICT', async () => {
      const fx = await open();
      try {
        expect(await race(fx.where, true)).toEqual(['SNAPSHOT_CONFLICT', 'won']);
        await expectOneLanded(fx.catalog);
      } finally {
        await fx.close();
      }
    });

    it('appending on whatever is current: one wins, the other is rejected as overlap', async () => {
      const fx = await open();
      try {
        expect(await race(fx.where, false)).toEqual(['DATE_OVERLAP', 'won']);
        await expectOneLanded(fx.catalog);
      } finally {
        await fx.close();
      }
    });
  });
}

describeRace('SQLite', async () => {
  const file = path.join(tempDir('sodai-race-'), `${randomBytes(4).toString('hex')}.db`);
  // Created (and migrated) before the race, as a running deployment's catalog would be.
  const catalog = await openSqliteCatalog(file);
  return { where: { sqlite: file }, catalog, close: () => catalog.close() };
});

const pg = await serviceGate('postgres');
describe.runIf(pg.available)('Postgres', () => {
  describeRace('Postgres', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const catalog = await openPostgresCatalog(pg.url, { schema, dropSchemaOnClose: true });
    return { where: { postgres: { url: pg.url, schema } }, catalog, close: () => catalog.close() };
  });
});
