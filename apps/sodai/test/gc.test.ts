import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { commitRows, tempDir } from './helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');

async function gc(cwd: string, dataDir: string, args: string[]) {
  const { stdout } = await run(process.execPath, [BIN, 'gc', ...args], {
    cwd,
    env: { ...process.env, SODAI_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
  });
  return stdout;
}

async function objectExists(dataDir: string, key: string): Promise<boolean> {
  const store = await RawStore.openDir(dataDir);
  try {
    return await store.shared.objects.exists(key);
  } finally {
    await store.close();
  }
}

describe('sodai gc', () => {
  it('lists an uncommitted file, removes it only after the grace period, never touches committed files', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const store = await RawStore.openDir(dataDir);
    let committed: string;
    try {
      await commitRows(store, 'customers', 'SELECT 1::BIGINT AS customer_id');
      committed = store.read.customers!.files[0]!.key;
      // A writer that died between writing its file and committing it.
      await store.shared.objects.put('tables/transactions/crashed-writer.parquet', 'not committed');
    } finally {
      await store.close();
    }

    const listed = await gc(dir, dataDir, ['--dry-run', '--grace-minutes', '0']);
    expect(listed).toMatch(/orphan-file\s+tables\/transactions\/crashed-writer\.parquet\s+13 B/);
    expect(listed).toContain('1 item, 13 B would be freed (dry run: nothing removed)');
    expect(listed).not.toContain(committed);
    expect(await objectExists(dataDir, 'tables/transactions/crashed-writer.parquet')).toBe(true);

    // Younger than the grace period: it may belong to a commit in progress, so it stays.
    expect(await gc(dir, dataDir, ['--grace-minutes', '60'])).toContain('0 items removed, 0 B freed');

    const removed = await gc(dir, dataDir, ['--grace-minutes', '0', '--json']);
    const outcome = (JSON.parse(removed) as { outcome: { removed: { kind: string; id: string }[] } }).outcome;
    expect(outcome.removed).toMatchObject([
      { kind: 'orphan-file', id: 'tables/transactions/crashed-writer.parquet', bytes: 13 },
    ]);

    const after = await RawStore.openDir(dataDir);
    try {
      expect(await after.shared.objects.exists('tables/transactions/crashed-writer.parquet')).toBe(false);
      expect(await after.shared.objects.exists(committed)).toBe(true);
      expect(after.read.customers!.files.map((f) => f.key)).toEqual([committed]);
    } finally {
      await after.close();
    }
  });

  it('collects validation reports no ingestion record points at, never a kept batch report or a drift report', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const bad = path.join(dir, 'week-bad.csv');
    writeFileSync(bad, 'customer_id,product_id\n1,2\n');
    const store = await RawStore.openDir(dataDir);
    let kept: string;
    try {
      const refused = await ingestFile(store, bad, { table: 'transactions' });
      kept = refused.batchId;
      // What a batch that lost the race to land the same content left behind.
      await store.shared.objects.put('reports/ingest/transactions-lost.json', '{}');
      await store.shared.objects.put('reports/ingest/transactions-lost.html', '<p>lost</p>');
      await store.shared.objects.put('reports/drift/drift-2024-12-30-v1.json', '{}');
    } finally {
      await store.close();
    }
    const listed = await gc(dir, dataDir, ['--dry-run', '--grace-minutes', '0', '--json']);
    const ids = (JSON.parse(listed) as { plan: { items: { kind: string; id: string }[] } }).plan.items
      .filter((i) => i.kind === 'orphan-file')
      .map((i) => i.id)
      .sort();
    expect(ids).toEqual(['reports/ingest/transactions-lost.html', 'reports/ingest/transactions-lost.json']);
    expect(listed).not.toContain(kept);
  });
});
