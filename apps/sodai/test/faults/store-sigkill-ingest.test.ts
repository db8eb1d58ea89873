import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../src/data/ingest/file-digest.ts';
import { loadInitialData } from '../../src/data/load-data.ts';
import { splitWeeks } from '../../src/data/split-weeks.ts';
import { queryNumber } from '../../src/store/duckdb.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { generateSmall, tempDir } from '../helpers.ts';
import {
  describeMoment,
  expectWholeSnapshot,
  gcDryRun,
  runCli,
  unreferencedObjects,
  type KillMoment,
} from './store-sigkill-helpers.ts';

const AS_OF = ['--as-of', '2030-01-01'];

describe('SIGKILL during `sodai ingest`', { timeout: 600_000 }, () => {
  it('leaves transactions at the old snapshot or the new one, lists the orphans in gc --dry-run, and a re-run lands the batch once', async () => {
    const root = tempDir('sodai-sigkill-ingest-');
    const generated = path.join(root, 'generated');
    await generateSmall(generated, { weeks: 12 });
    const history = path.join(root, 'history');
    const [week] = await splitWeeks({
      input: generated,
      outDir: path.join(root, 'batches'),
      lastWeeks: 1,
      historyDir: history,
    });
    const batch = week!.file;
    const batchHash = `sha256:${await sha256File(batch)}`;
    const seeded = path.join(root, 'seeded');
    const seed = await RawStore.openDir(seeded);
    await loadInitialData(
      seed,
      {
        customers: path.join(history, 'clientes.parquet'),
        products: path.join(history, 'productos.parquet'),
        transactions: path.join(history, 'transacciones.parquet'),
      },
      {},
    );
    const before = (await seed.shared.catalog.currentSnapshot('transactions'))!;
    await seed.close();
    const copy = (name: string) => {
      const dir = path.join(root, name);
      cpSync(seeded, dir, { recursive: true });
      return dir;
    };

    // One uninterrupted ingest: how long it takes here and what it lands.
    const uncutDir = copy('uncut');
    const uncut = await runCli(uncutDir, ['ingest', batch, ...AS_OF]);
    expect(uncut.code, uncut.output).toBe(0);
    const landedUncut = await RawStore.openDir(uncutDir);
    const accepted =
      (await queryNumber(landedUncut.connection, 'SELECT count(*) FROM transactions')) -
      Number(before.summary.totalRows);
    await landedUncut.close();
    expect(accepted).toBeGreaterThan(0);

    const moments: KillMoment[] = [
      ...[0.5, 0.8, 0.95].map((f) => ({ afterMs: Math.round(uncut.elapsedMs * f) })),
      // The HTML report is the last object an ingest puts before its catalog commit.
      ...[0, 15].map((plusMs) => ({ plusMs, file: /^reports\/ingest\/.+\.html$/, objectsDir: '' })),
    ];
    const outcomes: string[] = [];
    for (const [i, moment] of moments.entries()) {
      const dataDir = copy(`killed-${i}`);
      const objectsDir = path.join(dataDir, 'objects');
      const killed = await runCli(
        dataDir,
        ['ingest', batch, ...AS_OF],
        'file' in moment ? { ...moment, objectsDir } : moment,
      );
      const what = `${describeMoment(moment)}: ${killed.output}`;

      const store = await RawStore.openDir(dataDir);
      try {
        const now = (await store.shared.catalog.currentSnapshot('transactions'))!;
        const landed = (await store.shared.catalog.listIngestions()).filter(
          (r) => r.contentHash === batchHash && r.status === 'landed',
        );
        if (now.id === before.id) {
          expect(landed, what).toEqual([]);
          outcomes.push(killed.killed ? 'old' : 'finished');
        } else {
          // The whole new snapshot: the old files plus the batch's, with its ingestion record.
          expect(now.parentId, what).toBe(before.id);
          expect(now.files.length, what).toBe(before.files.length + 1);
          expect(
            landed.map((r) => r.commitId),
            what,
          ).toEqual([now.commitId]);
          outcomes.push(killed.killed ? 'new' : 'finished');
        }
        await expectWholeSnapshot(store, now);
        expect(await queryNumber(store.connection, 'SELECT count(*) FROM transactions')).toBe(
          now.summary.totalRows,
        );
        expect(await gcDryRun(dataDir), what).toEqual(await unreferencedObjects(store));
      } finally {
        await store.close();
      }

      // Nothing was lost or half-written: running it again ends with the batch in once.
      const again = await runCli(dataDir, ['ingest', batch, ...AS_OF]);
      expect(again.code, again.output).toBe(0);
      const after = await RawStore.openDir(dataDir);
      try {
        expect(await queryNumber(after.connection, 'SELECT count(*) FROM transactions')).toBe(
          Number(before.summary.totalRows) + accepted,
        );
      } finally {
        await after.close();
      }
    }
    // Which side each kill fell on depends on the machine; the figures are in the test's output.
    process.stdout.write(`store-sigkill-ingest outcomes: ${outcomes.join(', ')}\n`);
    expect(outcomes.filter((o) => o !== 'finished').length).toBeGreaterThan(0);
  });
});
