import { rmSync } from 'node:fs';
import path from 'node:path';
import { serviceGate, type OpenFixture } from '@sodai/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { LocalObjectStore } from '../../src/store/object-store/local-object-store.ts';
import { isStoreError, type StoreErrorReason } from '../../src/store/store-error.ts';
import { catalogFixtures, fileEntry, hashOf } from './catalog-fixtures.ts';

async function reasonOf(promise: Promise<unknown>): Promise<StoreErrorReason | string> {
  try {
    await promise;
  } catch (error) {
    return isStoreError(error) ? error.reason : String(error);
  }
  return 'succeeded';
}

const WEEK1: [string, string] = ['2024-01-01', '2024-01-07'];
const WEEK2: [string, string] = ['2024-01-08', '2024-01-14'];

function describeCatalogConformance(name: string, open: OpenFixture<Catalog>): void {
  describe(`Catalog conformance: ${name}`, () => {
    let catalog: Catalog;
    let dir: string;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store: catalog, dir, cleanup } = await open());
    });
    afterEach(async () => cleanup());

    const ingest = (key: string, dates: [string, string], extra: { parent?: string | null } = {}) =>
      catalog.commit({
        operation: 'ingest',
        ingestion: {
          contentHash: hashOf(`batch:${key}`),
          sourceName: key,
          dateMin: dates[0],
          dateMax: dates[1],
        },
        tables: [
          {
            table: 'transactions',
            mode: 'append',
            rejectDateOverlap: true,
            add: [fileEntry(`tables/transactions/${key}.parquet`, 10, dates)],
            ...extra,
          },
        ],
      });

    it('starts empty', async () => {
      expect(await catalog.currentSnapshot('transactions')).toBeUndefined();
      expect(await catalog.tables()).toEqual([]);
      expect(await catalog.listIngestions()).toEqual([]);
    });

    it('appends make a chain of snapshots, each listing all its files', async () => {
      const first = await ingest('w1', WEEK1);
      const second = await ingest('w2', WEEK2);
      const current = await catalog.currentSnapshot('transactions');
      expect(current?.id).toBe(second.snapshots[0]?.id);
      expect(current?.parentId).toBe(first.snapshots[0]?.id);
      expect(current?.sequence).toBe(2);
      expect(current?.files.map((f) => f.key)).toEqual([
        'tables/transactions/w1.parquet',
        'tables/transactions/w2.parquet',
      ]);
      expect(current?.files[1]).toMatchObject({ rows: 10, dateMin: WEEK2[0], dateMax: WEEK2[1] });
      expect(current?.summary).toMatchObject({ addedFiles: 1, totalFiles: 2, totalRows: 20, mode: 'append' });
      expect(current?.operation).toBe('ingest');
      // The older snapshot is unchanged: readers holding it keep a consistent view.
      const old = await catalog.snapshot(first.snapshots[0]!.id);
      expect(old.files.map((f) => f.key)).toEqual(['tables/transactions/w1.parquet']);
      expect((await catalog.history('transactions')).map((s) => s.sequence)).toEqual([2, 1]);
      expect((await catalog.listIngestions()).map((i) => [i.sourceName, i.status])).toEqual([
        ['w1', 'landed'],
        ['w2', 'landed'],
      ]);
    });

    it('replace makes the added files the whole table; append can drop files it names', async () => {
      await catalog.commit({
        operation: 'predict',
        tables: [
          { table: 'predictions', mode: 'replace', add: [fileEntry('tables/p/a'), fileEntry('tables/p/b')] },
        ],
      });
      const replaced = await catalog.commit({
        operation: 'predict',
        tables: [{ table: 'predictions', mode: 'replace', add: [fileEntry('tables/p/c')] }],
      });
      expect(replaced.snapshots[0]?.files.map((f) => f.key)).toEqual(['tables/p/c']);
      const compacted = await catalog.commit({
        operation: 'compact',
        tables: [
          { table: 'predictions', mode: 'append', remove: ['tables/p/c'], add: [fileEntry('tables/p/d')] },
        ],
      });
      expect(compacted.snapshots[0]?.files.map((f) => f.key)).toEqual(['tables/p/d']);
      expect(compacted.snapshots[0]?.summary).toMatchObject({ removedFiles: 1, totalFiles: 1 });
      const bad = await reasonOf(
        catalog.commit({
          operation: 'compact',
          tables: [{ table: 'predictions', mode: 'append', remove: ['tables/p/a'], add: [] }],
        }),
      );
      expect(bad).toBe('INVALID_CHANGE');
    });

    it('lands the same content once: a second commit of the batch is DUPLICATE_CONTENT and changes nothing', async () => {
      await ingest('w1', WEEK1);
      const before = await catalog.currentSnapshot('transactions');
      const again = await reasonOf(
        catalog.commit({
          operation: 'ingest',
          ingestion: { contentHash: hashOf('batch:w1'), sourceName: 'w1-copy.csv' },
          tables: [
            { table: 'transactions', mode: 'append', add: [fileEntry('tables/transactions/copy.parquet')] },
          ],
        }),
      );
      expect(again).toBe('DUPLICATE_CONTENT');
      expect((await catalog.currentSnapshot('transactions'))?.id).toBe(before?.id);
      expect(await catalog.referencedKeys()).not.toContain('tables/transactions/copy.parquet');
    });

    it('rejects a batch whose dates overlap the table, naming the batch already there', async () => {
      await ingest('w1', WEEK1);
      let message = '';
      await ingest('late', ['2024-01-05', '2024-01-09']).catch((e: Error) => (message = e.message));
      expect(message).toContain('overlap 2024-01-01..2024-01-07');
      expect(message).toContain('batch w1');
      expect(await reasonOf(ingest('late', ['2024-01-05', '2024-01-09']))).toBe('DATE_OVERLAP');
      // Adjacent weeks do not overlap.
      expect(await reasonOf(ingest('w2', WEEK2))).toBe('succeeded');
    });

    it('a commit prepared on an old snapshot is a SNAPSHOT_CONFLICT', async () => {
      expect(await reasonOf(ingest('w1', WEEK1, { parent: null }))).toBe('succeeded');
      const current = (await catalog.currentSnapshot('transactions'))!.id;
      expect(await reasonOf(ingest('w2', WEEK2, { parent: null }))).toBe('SNAPSHOT_CONFLICT');
      expect(await reasonOf(ingest('w2', WEEK2, { parent: 'not-a-snapshot' }))).toBe('SNAPSHOT_CONFLICT');
      expect(await reasonOf(ingest('w2', WEEK2, { parent: current }))).toBe('succeeded');
    });

    it('moves every table of a change or none: a failure on the second table leaves the first as it was', async () => {
      await ingest('w1', WEEK1);
      const result = await reasonOf(
        catalog.commit({
          operation: 'ingest',
          ingestion: { contentHash: hashOf('batch:multi'), sourceName: 'multi' },
          tables: [
            { table: 'customers', mode: 'replace', add: [fileEntry('tables/customers/c1.parquet')] },
            {
              table: 'transactions',
              mode: 'append',
              rejectDateOverlap: true,
              add: [fileEntry('tables/transactions/m.parquet', 5, WEEK1)],
            },
          ],
        }),
      );
      expect(result).toBe('DATE_OVERLAP');
      expect(await catalog.currentSnapshot('customers')).toBeUndefined();
      expect(await catalog.findIngestion(hashOf('batch:multi'))).toBeUndefined();
      expect(await catalog.referencedKeys()).not.toContain('tables/customers/c1.parquet');
    });

    it('many commits on one parent at once: exactly one wins', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          reasonOf(
            catalog.commit({
              operation: 'predict',
              tables: [
                { table: 'predictions', parent: null, mode: 'replace', add: [fileEntry(`tables/p/${i}`)] },
              ],
            }),
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'SNAPSHOT_CONFLICT')).toHaveLength(5);
      expect((await catalog.currentSnapshot('predictions'))?.files).toHaveLength(1);
    });

    it('never records a file key twice', async () => {
      await ingest('w1', WEEK1);
      const reused = await reasonOf(
        catalog.commit({
          operation: 'predict',
          tables: [{ table: 'other', mode: 'replace', add: [fileEntry('tables/transactions/w1.parquet')] }],
        }),
      );
      expect(reused).toBe('DUPLICATE_FILE');
    });

    it('refuses malformed changes before touching the database', async () => {
      const bad = [
        { operation: 'x', tables: [] },
        { operation: 'x', tables: [{ table: 'Bad-Name', mode: 'append', add: [] }] },
        {
          operation: 'x',
          tables: [{ table: 't', mode: 'append', add: [{ ...fileEntry('k'), contentHash: 'md5:1' }] }],
        },
        { operation: 'x', tables: [{ table: 't', mode: 'append', add: [fileEntry('../k')] }] },
        {
          operation: 'x',
          tables: [{ table: 't', mode: 'append', add: [fileEntry('k', 1, ['2024-02-01', '2024-01-01'])] }],
        },
        {
          operation: 'x',
          tables: [{ table: 't', mode: 'append', add: [fileEntry('k', 1, ['2024-13-01', '2024-13-02'])] }],
        },
        { operation: 'x', tables: [{ table: 't', mode: 'append', add: [{ ...fileEntry('k'), rows: -1 }] }] },
        { operation: 'x', tables: [{ table: 't', mode: 'replace', remove: ['a'], add: [] }] },
      ] as const;
      for (const change of bad) {
        expect(await reasonOf(catalog.commit(change as never)), JSON.stringify(change)).toBe(
          'INVALID_CHANGE',
        );
      }
      expect(await catalog.tables()).toEqual([]);
    });

    it('a rejected batch is recorded, and the same bytes may land later; a landed one stays landed', async () => {
      const claim = { contentHash: hashOf('batch:w1'), sourceName: 'w1.csv', reportKey: 'reports/w1.json' };
      const rejected = await catalog.recordRejection({ ...claim, message: 'missing column cantidad' });
      expect(rejected).toMatchObject({ status: 'rejected', message: 'missing column cantidad' });
      expect(await reasonOf(ingest('w1', WEEK1))).toBe('succeeded');
      const landed = await catalog.findIngestion(claim.contentHash);
      expect(landed?.status).toBe('landed');
      expect((await catalog.recordRejection({ ...claim, message: 'again' })).status).toBe('landed');
      expect(await catalog.listIngestions()).toHaveLength(1);
    });

    it('retention drops old log segments, then forgets old snapshots and releases their files', async () => {
      const log = (key: string) =>
        catalog.commit({
          operation: 'log',
          tables: [{ table: 'prediction_log', mode: 'append', add: [fileEntry(key)] }],
        });
      await log('tables/prediction_log/s1');
      await log('tables/prediction_log/s2');
      await ingest('w1', WEEK1);
      const cutoff = Date.now() + 1;
      expect((await catalog.currentFilesBefore('prediction_log', 0)).map((f) => f.key)).toEqual([]);
      const old = await catalog.currentFilesBefore('prediction_log', cutoff);
      expect(old.map((f) => [f.key, f.bytes])).toEqual([
        ['tables/prediction_log/s1', 1000],
        ['tables/prediction_log/s2', 1000],
      ]);
      await catalog.commit({
        operation: 'retention',
        tables: [{ table: 'prediction_log', mode: 'append', add: [], remove: old.map((f) => f.key) }],
      });
      await log('tables/prediction_log/s3');
      // Every snapshot is younger than the epoch: nothing may go yet.
      expect(await catalog.releasableFiles('prediction_log', 0)).toEqual([]);
      const later = Date.now() + 1;
      const releasable = await catalog.releasableFiles('prediction_log', later);
      expect(releasable.map((f) => f.key)).toEqual(['tables/prediction_log/s1', 'tables/prediction_log/s2']);
      expect(await catalog.expireSnapshots('prediction_log', later)).toEqual(releasable);

      const current = await catalog.currentSnapshot('prediction_log');
      expect(current?.files.map((f) => f.key)).toEqual(['tables/prediction_log/s3']);
      expect(current?.parentId).toBeUndefined();
      expect((await catalog.history('prediction_log')).map((h) => h.id)).toEqual([current?.id]);
      const referenced = await catalog.referencedKeys();
      expect(referenced.has('tables/prediction_log/s1')).toBe(false);
      expect(referenced.has('tables/prediction_log/s3')).toBe(true);
      // Other tables keep their history, and the log keeps working.
      expect(await catalog.history('transactions')).toHaveLength(1);
      await log('tables/prediction_log/s4');
      expect(await catalog.expireSnapshots('prediction_log', 0)).toEqual([]);
    });

    it('a log snapshot superseded after the horizon is still in use: its files stay, however old it is', async () => {
      await catalog.commit({
        operation: 'log',
        tables: [{ table: 'prediction_log', mode: 'append', add: [fileEntry('tables/prediction_log/old')] }],
      });
      await new Promise((r) => setTimeout(r, 5));
      const horizon = Date.now();
      await new Promise((r) => setTimeout(r, 5));
      // Committed before the horizon, but current until this drop, after it: a reader may hold it.
      await catalog.commit({
        operation: 'retention',
        tables: [{ table: 'prediction_log', mode: 'append', add: [], remove: ['tables/prediction_log/old'] }],
      });
      expect(await catalog.releasableFiles('prediction_log', horizon)).toEqual([]);
      expect(await catalog.expireSnapshots('prediction_log', horizon)).toEqual([]);
      expect(await catalog.history('prediction_log')).toHaveLength(2);
      expect((await catalog.expireSnapshots('prediction_log', Date.now() + 1)).map((f) => f.key)).toEqual([
        'tables/prediction_log/old',
      ]);
    });

    it('names the model versions prediction commits recorded', async () => {
      expect(await catalog.referencedModelVersions()).toEqual(new Set());
      for (const [i, modelVersion] of [3, 7, 3].entries()) {
        await catalog.commit({
          operation: 'predict',
          summary: { cutoff: '2024-01-08', modelVersion },
          tables: [
            {
              table: 'predictions',
              mode: 'replace',
              add: [fileEntry(`tables/p/${i}-v${modelVersion}`)],
            },
          ],
        });
      }
      expect(await catalog.referencedModelVersions()).toEqual(new Set([3, 7]));
    });

    it('lists orphans: files under tables/ that no committed snapshot references', async () => {
      const store = new LocalObjectStore(path.join(dir, 'objects'));
      try {
        const committed = await store.put('tables/transactions/w1.parquet', 'w1');
        await store.put('tables/transactions/crashed.parquet', 'half a change');
        await store.put('reports/w1.json', '{}');
        await store.put('reports/lost.json', '{}');
        await catalog.commit({
          operation: 'ingest',
          ingestion: { contentHash: hashOf('batch:w1'), sourceName: 'w1.csv', reportKey: 'reports/w1.json' },
          tables: [
            {
              table: 'transactions',
              mode: 'append',
              add: [
                { key: committed.key, contentHash: committed.contentHash, rows: 1, bytes: committed.bytes },
              ],
            },
          ],
        });
        expect((await catalog.listOrphans(store)).map((o) => o.key)).toEqual([
          'tables/transactions/crashed.parquet',
        ]);
        expect(await catalog.listOrphans(store, { minAgeMs: 3_600_000 })).toEqual([]);
        // An ingestion's report is referenced too; only prefixes asked for are listed.
        expect((await catalog.listOrphans(store, { prefixes: ['reports/'] })).map((o) => o.key)).toEqual([
          'reports/lost.json',
        ]);
      } finally {
        rmSync(path.join(dir, 'objects'), { recursive: true, force: true });
      }
    });
  });
}

describeCatalogConformance('SQLite', catalogFixtures.openSqliteFixture);

const pg = await serviceGate('postgres');
describe.runIf(pg.available)('Postgres', () => {
  describeCatalogConformance('Postgres', catalogFixtures.postgresFixture(pg.url));
});
