import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { queryRows } from '../../src/store/duckdb.ts';
import { hashFile } from '../../src/store/object-store/content-hash.ts';
import { LocalObjectStore } from '../../src/store/object-store/local-object-store.ts';
import type { ObjectStore } from '../../src/store/object-store/object-store.ts';
import { S3ObjectStore } from '../../src/store/object-store/s3-object-store.ts';
import {
  createParquetView,
  createTableView,
  newTableFileKey,
  openJobDuckDb,
  writeQueryToStore,
  type JobDuckDb,
} from '../../src/store/parquet-table.ts';
import { isStoreError } from '../../src/store/store-error.ts';
import { s3Gate } from './s3-test-server.ts';

const s3 = await s3Gate({ bucket: 'parquet-test' });
afterAll(async () => s3.server?.stop());

type OpenStore = (scratch: string) => ObjectStore;

const stores: [string, OpenStore | undefined][] = [
  ['local folder', (scratch) => new LocalObjectStore(path.join(scratch, 'objects'))],
  [
    'S3',
    s3.server &&
      ((scratch) =>
        new S3ObjectStore({
          bucket: s3.server!.bucket,
          prefix: path.basename(scratch),
          cacheDir: path.join(scratch, 'cache'),
          endpoint: s3.server!.endpoint,
          credentials: s3.server!.credentials,
        })),
  ],
];

/** One week of transactions for `customers` customers, a row per customer and day. */
const weekQuery = (start: string, customers: number) => `
  SELECT c AS customer_id, (c * 7 + d) % 13 AS product_id, DATE '${start}' + d::INTEGER AS fecha, ((c + d) % 5 + 1)::INTEGER AS items
  FROM range(${customers}) t(c), range(7) s(d)
  ORDER BY fecha, customer_id`;

for (const [name, openStore] of stores) {
  describe.runIf(openStore !== undefined)(`Parquet tables over the object store: ${name}`, () => {
    let scratch: string;
    let store: ObjectStore;
    let catalog: Catalog;
    let duck: JobDuckDb;
    beforeEach(async () => {
      scratch = mkdtempSync(path.join(tmpdir(), 'sodai-parquet-'));
      store = openStore!(scratch);
      catalog = await openSqliteCatalog(path.join(scratch, 'catalog.db'));
      duck = await openJobDuckDb({ memoryLimit: '256MB', threads: 1 });
    });
    afterEach(async () => {
      duck.close();
      await catalog.close();
      await store.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('writes a query as Parquet with its row count, date range and hash, and reads the snapshot back whole', async () => {
      const weeks = ['2024-01-01', '2024-01-08', '2024-01-15'];
      for (const start of weeks) {
        const file = await writeQueryToStore(
          duck.connection,
          weekQuery(start, 40),
          store,
          newTableFileKey('tx'),
          {
            dateColumn: 'fecha',
          },
        );
        expect(file.rows).toBe(280);
        expect(file.dateMin).toBe(start);
        expect(file.contentHash).toBe(await hashFile(await store.localPath(file.key)));
        await catalog.commit({
          operation: 'ingest',
          tables: [{ table: 'transactions', mode: 'append', rejectDateOverlap: true, add: [file] }],
        });
      }

      const read = await createTableView(duck.connection, 'transactions', {
        catalog,
        store,
        table: 'transactions',
      });
      expect(read?.files).toHaveLength(3);
      const [counts] = await queryRows(
        duck.connection,
        'SELECT count(*)::INTEGER AS n, min(fecha)::VARCHAR AS lo, max(fecha)::VARCHAR AS hi, sum(items)::INTEGER AS items FROM transactions',
      );
      const expected = await queryRows(
        duck.connection,
        `SELECT sum(items)::INTEGER AS items FROM (${weeks.map((w) => `(${weekQuery(w, 40)})`).join(' UNION ALL ')})`,
      );
      expect(counts).toEqual({ n: 840, lo: '2024-01-01', hi: '2024-01-21', items: expected[0]?.items });
      // Every committed row is read: the view never silently drops a file or a row group.
      expect(counts?.n).toBe(read?.files.reduce((sum, f) => sum + f.rows, 0));
      // Files are read in key (= write) order.
      const [first] = await queryRows(
        duck.connection,
        'SELECT fecha::VARCHAR AS d FROM transactions LIMIT 1',
      );
      expect(first?.d).toBe('2024-01-01');
    });

    it('reads files whose columns differ by name (a column added later is NULL in older files)', async () => {
      const a = await writeQueryToStore(
        duck.connection,
        'SELECT 1 AS id, 2 AS x',
        store,
        'tables/t/a.parquet',
      );
      const b = await writeQueryToStore(
        duck.connection,
        "SELECT 'note' AS extra, 3 AS x, 2 AS id",
        store,
        'tables/t/b.parquet',
      );
      await createParquetView(duck.connection, 't', [a, b], store);
      expect(await queryRows(duck.connection, 'SELECT id, x, extra FROM t ORDER BY id')).toEqual([
        { id: 1, x: 2, extra: null },
        { id: 2, x: 3, extra: 'note' },
      ]);
    });

    it('an empty table is a view with the given columns and no rows, or a clear error without them', async () => {
      const snapshot = await createTableView(duck.connection, 'predictions', {
        catalog,
        store,
        table: 'predictions',
        emptyColumns: { customer_id: 'INTEGER', score: 'DOUBLE' },
      });
      expect(snapshot).toBeUndefined();
      expect(await queryRows(duck.connection, 'SELECT count(*)::INTEGER AS n FROM predictions')).toEqual([
        { n: 0 },
      ]);
      const columns = await queryRows(duck.connection, 'SELECT column_name FROM (DESCRIBE predictions)');
      expect(columns.map((c) => c.column_name)).toEqual(['customer_id', 'score']);
      const error = await createParquetView(duck.connection, 'nothing', [], store).catch((e: unknown) => e);
      expect(isStoreError(error, 'INVALID_CHANGE')).toBe(true);
    });

    it('never overwrites a data file', async () => {
      const first = await writeQueryToStore(duck.connection, 'SELECT 1 AS v', store, 'tables/t/same.parquet');
      const error = await writeQueryToStore(
        duck.connection,
        'SELECT 2 AS v',
        store,
        'tables/t/same.parquet',
      ).catch((e: unknown) => e);
      expect(isStoreError(error, 'DUPLICATE_FILE')).toBe(true);
      await createParquetView(duck.connection, 'same', [first], store);
      expect(await queryRows(duck.connection, 'SELECT v FROM same')).toEqual([{ v: 1 }]);
    });
  });
}

describe('job DuckDB', () => {
  it('is capped at the configured memory and removes its spill folder on close', async () => {
    const duck = await openJobDuckDb({ memoryLimit: '300MB', threads: 1 });
    const [setting] = await queryRows(
      duck.connection,
      "SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS temp",
    );
    expect(String(setting?.memory)).toMatch(/^(286\.1 MiB|300\.0 MB)$/);
    expect(setting?.temp).toBe(duck.tempDirectory);
    expect(existsSync(duck.tempDirectory)).toBe(true);
    duck.close();
    expect(existsSync(duck.tempDirectory)).toBe(false);
  });

  it('gives each job its own database: two open at once share nothing', async () => {
    const a = await openJobDuckDb({ memoryLimit: '128MB', threads: 1 });
    const b = await openJobDuckDb({ memoryLimit: '128MB', threads: 1 });
    try {
      await a.connection.run('CREATE TABLE only_in_a AS SELECT 1 AS x');
      const seen = await b.connection
        .run('SELECT * FROM only_in_a')
        .then(() => 'visible')
        .catch(() => 'not visible');
      expect(seen).toBe('not visible');
    } finally {
      a.close();
      b.close();
    }
  });

  it('keeps no copy of the files it reads: the OS caches local files already', async () => {
    const duck = await openJobDuckDb({ memoryLimit: '128MB', threads: 1 });
    const file = path.join(duck.tempDirectory, 'read-me.parquet');
    try {
      await duck.connection.run(`COPY (SELECT range AS x FROM range(200000)) TO '${file}' (FORMAT parquet)`);
      for (let i = 0; i < 3; i++) await duck.connection.run(`SELECT sum(x) FROM read_parquet('${file}')`);
      // With DuckDB's default external file cache the reads above leave the file's blocks here.
      const [cached] = await queryRows(
        duck.connection,
        `SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS bytes FROM duckdb_memory() WHERE tag = 'EXTERNAL_FILE_CACHE'`,
      );
      expect(cached!.bytes).toBe(0);
    } finally {
      duck.close();
    }
  });
});

describe('newTableFileKey', () => {
  it('names files under the table, in creation order, never twice', () => {
    const early = newTableFileKey('transactions', new Date('2024-01-01T00:00:00.000Z'));
    const late = newTableFileKey('transactions', new Date('2024-01-01T00:00:00.001Z'));
    expect(early).toMatch(/^tables\/transactions\/20240101T000000000Z-[0-9a-f]{8}\.parquet$/);
    expect(early < late).toBe(true);
    expect(newTableFileKey('t', new Date(0))).not.toBe(newTableFileKey('t', new Date(0)));
  });
});
