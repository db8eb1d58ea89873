import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteRunStore, type RunStore } from '@sodai/pipeline';
import { serviceGate } from '@sodai/testing';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { collectGarbage } from '../src/jobs/collect-garbage.ts';
import type { Catalog } from '../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../src/store/catalog/open-catalog.ts';
import { openPostgresCatalog } from '../src/store/catalog/postgres-catalog.ts';
import { LocalObjectStore } from '../src/store/object-store/local-object-store.ts';
import { QUARANTINE_TABLE } from '../src/store/raw-store.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const retention = ConfigSchema.parse({}).retention;
const pg = await serviceGate('postgres');

type OpenCatalog = (dir: string, now: () => number) => Promise<Catalog>;

const catalogs: [string, OpenCatalog, boolean][] = [
  ['SQLite', (dir, now) => openSqliteCatalog(path.join(dir, 'catalog.db'), { now }), true],
  [
    'Postgres',
    (_dir, now) =>
      openPostgresCatalog(pg.url, {
        schema: `t_gc_quarantine_${process.pid}_${Date.now()}`,
        dropSchemaOnClose: true,
        now,
      }),
    pg.available,
  ],
];

describe.each(catalogs)('quarantine retention on a %s catalog', (_name, openCatalog, available) => {
  let dir: string;
  let clock: number;
  let catalog: Catalog;
  let objects: LocalObjectStore;
  let tracking: TrackingClient;
  let pipeline: RunStore;
  // The quarantine alone: this store keeps no built datasets.
  const datasets = { superseded: async () => [] };
  const sources = () => ({ shared: { catalog, objects }, datasets, tracking, pipeline });
  const gcAt = (now: number, dryRun: boolean) => {
    clock = now;
    return collectGarbage(sources(), retention, { dryRun, now });
  };

  /** One ingest as it commits: accepted rows to transactions, the rejected ones to the quarantine. */
  async function ingestAt(at: number, batch: string) {
    clock = at;
    const files = [];
    for (const table of ['transactions', QUARANTINE_TABLE]) {
      const put = await objects.put(`tables/${table}/${batch}.parquet`, `${table} rows of ${batch}`);
      files.push({ table, file: { key: put.key, contentHash: put.contentHash, rows: 1, bytes: put.bytes } });
    }
    await catalog.commit({
      operation: 'ingest',
      tables: files.map(({ table, file }) => ({ table, mode: 'append' as const, add: [file] })),
    });
  }

  const current = async (table: string) =>
    (await catalog.currentSnapshot(table))?.files.map((f) => f.key).sort() ?? [];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sodai-gc-quarantine-'));
    clock = Date.now();
    catalog = await openCatalog(dir, () => clock);
    objects = new LocalObjectStore(path.join(dir, 'objects'));
    tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    pipeline = await openSqliteRunStore(path.join(dir, 'pipeline.db'));
  });
  afterEach(async () => {
    await pipeline?.close();
    await tracking?.close();
    await catalog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(available)(
    'lists quarantined batches older than quarantineDays, drops them from the table, then deletes their files; never a file the current snapshot lists',
    async () => {
      const now = Date.now();
      await ingestAt(now - (retention.quarantineDays + 30) * DAY_MS, 'old');
      await ingestAt(now - 10 * DAY_MS, 'young');
      const oldKey = `tables/${QUARANTINE_TABLE}/old.parquet`;
      const youngKey = `tables/${QUARANTINE_TABLE}/young.parquet`;
      const transactions = await current('transactions');

      const dry = await gcAt(now, true);
      const listed = dry.plan.items.filter((i) => i.kind === 'quarantine');
      expect(listed).toMatchObject([
        {
          id: oldKey,
          reason: `quarantined ${retention.quarantineDays + 30} days ago: leaves the quarantine (bytes freed by a later gc)`,
        },
      ]);
      // Leaving the table frees nothing yet: a reader may still hold the snapshot that lists it.
      expect(dry.plan.bytes).toBe(0);
      expect(await current(QUARANTINE_TABLE)).toEqual([oldKey, youngKey]);

      const dropped = await gcAt(now, false);
      expect(dropped.outcome?.removed.map((i) => [i.kind, i.id])).toEqual([['quarantine', oldKey]]);
      expect(await current(QUARANTINE_TABLE)).toEqual([youngKey]);
      expect(await objects.exists(oldKey)).toBe(true);

      // Past the grace period the snapshots that listed it are forgotten and its file goes.
      const later = now + retention.orphanGraceMinutes * 60_000 + HOUR_MS;
      const released = await gcAt(later, false);
      expect(released.outcome?.removed).toMatchObject([
        { kind: 'quarantine', id: oldKey, reason: expect.stringContaining('superseded') },
      ]);
      expect(released.outcome?.bytes).toBe(`${QUARANTINE_TABLE} rows of old`.length);
      expect(await objects.exists(oldKey)).toBe(false);

      // The young batch, the transactions and their files stay; the table still takes ingests.
      expect(await current(QUARANTINE_TABLE)).toEqual([youngKey]);
      expect(await objects.exists(youngKey)).toBe(true);
      expect(await current('transactions')).toEqual(transactions);
      for (const key of transactions) expect(await objects.exists(key)).toBe(true);
      expect(await catalog.history('transactions')).toHaveLength(2);
      await ingestAt(later, 'next');
      expect(await current(QUARANTINE_TABLE)).toEqual([`tables/${QUARANTINE_TABLE}/next.parquet`, youngKey]);
      expect((await gcAt(later, false)).outcome?.removed).toEqual([]);
    },
  );
});
