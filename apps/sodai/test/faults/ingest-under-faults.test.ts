/**
 * Fault injection around ingest (issue 18): a full disk, SIGKILL at spread points of `sodai ingest`,
 * a clock moving backwards. Each asserts nothing is lost or half-written and that the next run
 * recovers by itself. Run with `npm run test:faults`.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/data/ingest/ingest-file.ts';
import { loadInitialData } from '../../src/data/load-data.ts';
import { splitWeeks } from '../../src/data/split-weeks.ts';
import { queryRows } from '../../src/store/duckdb.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { generateSmall, storeDigest, tempDir } from '../helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/sodai.js');
const run = promisify(execFile);

const dir = tempDir('sodai-faults-');
const generated = path.join(dir, 'generated');
const history = path.join(dir, 'history');
const landing = path.join(dir, 'landing');
await generateSmall(generated, { weeks: 12 });
const weeks = await splitWeeks({ input: generated, outDir: landing, lastWeeks: 3, historyDir: history });

async function loadedStore(dataDir: string): Promise<RawStore> {
  const store = await RawStore.openDir(dataDir);
  await loadInitialData(
    store,
    {
      customers: path.join(history, 'clientes.parquet'),
      products: path.join(history, 'productos.parquet'),
      transactions: path.join(history, 'transacciones.parquet'),
    },
    {},
  );
  return store;
}

/** The store's rows without batch ids (those name the attempt: time and a random suffix). */
async function dataDigest(store: RawStore): Promise<string> {
  const parts: string[] = [];
  for (const sql of [
    'SELECT * FROM customers ORDER BY ALL',
    'SELECT * FROM products ORDER BY ALL',
    'SELECT * EXCLUDE (batch_id) FROM transactions ORDER BY ALL',
    'SELECT * EXCLUDE (batch_id) FROM quarantine ORDER BY ALL',
  ]) {
    parts.push(JSON.stringify(await queryRows(store.connection, sql)));
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Whether this process may mount a tmpfs (root with the capability); otherwise the test says why. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = path.join(dir, 'mount-probe');
  mkdirSync(probe, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  }
}
const mountable = canMount();
if (!mountable) console.warn('faults: disk-full test skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN)');
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) execFileSync('umount', ['-l', m]);
});

describe('disk full', () => {
  it.runIf(mountable)(
    'an ingest that meets a full disk changes nothing, and lands once space is back',
    async () => {
      const dataDir = path.join(dir, 'full-disk');
      mkdirSync(dataDir, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dataDir]);
      mounted.push(dataDir);
      const store = await loadedStore(dataDir);
      try {
        const before = await storeDigest(store);
        // Fill what is left of the disk.
        const filler = path.join(dataDir, 'filler');
        try {
          execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
        } catch {
          // dd stops with ENOSPC: that is the point.
        }
        await expect(
          ingestFile(store, weeks[0]!.file, { table: 'transactions', asOf: '2099-01-01' }),
        ).rejects.toThrow();
        await store.refresh();
        expect(await storeDigest(store)).toBe(before);
        rmSync(filler);
        const again = await ingestFile(store, weeks[0]!.file, { table: 'transactions', asOf: '2099-01-01' });
        expect(again.outcome).toBe('ingested');
        expect(
          (await store.shared.catalog.listIngestions()).filter((i) => i.status === 'landed'),
        ).toHaveLength(4);
      } finally {
        await store.close();
      }
    },
  );
});

describe('SIGKILL during ingest', () => {
  it('killing `sodai ingest` at spread points never leaves a batch half in, and a rerun completes the folder', async () => {
    const clean = path.join(dir, 'clean');
    const cleanStore = await loadedStore(clean);
    await cleanStore.close();
    await run(process.execPath, [BIN, 'ingest', landing, '--as-of', '2099-01-01'], {
      env: { ...process.env, SODAI_DATA_DIR: clean },
    });
    const reference = await RawStore.openDir(clean);
    const expected = await dataDigest(reference);
    await reference.close();

    const killed = path.join(dir, 'killed');
    const killedStore = await loadedStore(killed);
    await killedStore.close();
    for (const afterMs of [400, 1500, 3000, 5000]) {
      const child = spawn(process.execPath, [BIN, 'ingest', landing, '--as-of', '2099-01-01'], {
        env: { ...process.env, SODAI_DATA_DIR: killed },
        stdio: 'ignore',
      });
      // Listened for from the start: on a fast machine the ingest may finish before the kill, and
      // an 'exit' already emitted is never emitted again (this waited for ever on an idle CI box).
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, afterMs));
      child.kill('SIGKILL');
      await exited;
      // Whatever moment it died at, each batch is wholly in or wholly out.
      const store = await RawStore.openDir(killed);
      const landed = (await store.shared.catalog.listIngestions()).filter((i) => i.status === 'landed');
      const batches = await store.connection.runAndReadAll(
        `SELECT count(DISTINCT batch_id) FROM transactions`,
      );
      expect(Number(batches.getRows()[0]![0])).toBe(landed.length - 2); // customers and products have no batch_id
      await store.close();
    }
    const rerun = await run(process.execPath, [BIN, 'ingest', landing, '--as-of', '2099-01-01'], {
      env: { ...process.env, SODAI_DATA_DIR: killed },
    });
    expect(rerun.stdout).not.toContain('rejected');
    const recovered = await RawStore.openDir(killed);
    expect(await dataDigest(recovered)).toBe(expected);
    await recovered.close();
  });
});

describe('clock moving backwards', () => {
  it('ingests stamped an hour apart backwards both land, with distinct batches and reports', async () => {
    const store = await loadedStore(path.join(dir, 'clock'));
    try {
      let t = Date.parse('2024-06-03T12:00:00Z');
      const now = () => new Date((t -= 3_600_000));
      const first = await ingestFile(store, weeks[0]!.file, {
        table: 'transactions',
        asOf: '2099-01-01',
        now,
      });
      const second = await ingestFile(store, weeks[1]!.file, {
        table: 'transactions',
        asOf: '2099-01-01',
        now,
      });
      expect([first.outcome, second.outcome]).toEqual(['ingested', 'ingested']);
      expect(first.batchId).not.toBe(second.batchId);
      expect(second.durationMs).toBeLessThanOrEqual(0); // reported as measured, never a crash
      const logged = await store.ingestions(10);
      expect(logged.map((l) => l.batchId)).toEqual(expect.arrayContaining([first.batchId, second.batchId]));
    } finally {
      await store.close();
    }
  });
});
