import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/duckdb.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { commitRows, tempDir } from '../helpers.ts';

let store: RawStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const CUSTOMERS = (ids: readonly number[]) =>
  ids
    .map(
      (id) =>
        `SELECT ${id}::BIGINT AS customer_id, 1::BIGINT AS region_id, 1::BIGINT AS zone_id, 'SHOP' AS customer_type, ` +
        `0.0::DOUBLE AS "Y", 0.0::DOUBLE AS "X", 1::BIGINT AS num_deliver_per_week, 1::BIGINT AS num_visit_per_week`,
    )
    .join(' UNION ALL ');

async function viewSource(s: RawStore, view: string): Promise<string> {
  const [row] = await queryRows(s.connection, `SELECT sql FROM duckdb_views() WHERE view_name = '${view}'`);
  return String(row?.sql ?? '');
}

const ids = async (s: RawStore) =>
  (await queryRows(s.connection, 'SELECT customer_id::DOUBLE AS id FROM customers ORDER BY 1')).map(
    (r) => r.id,
  );

describe('in-memory copies of a long-lived reader', () => {
  it('show the same rows as the Parquet view, and the new snapshot after a commit', async () => {
    store = await RawStore.openDir(tempDir());
    await commitRows(store, 'customers', CUSTOMERS([1, 2]), 'replace');
    await store.keepInMemory(['customers'], 1000);
    expect(await viewSource(store, 'customers')).toContain('memory_copy__customers');
    expect(await ids(store)).toEqual([1, 2]);

    await commitRows(store, 'customers', CUSTOMERS([3]), 'append');
    expect(await ids(store)).toEqual([1, 2, 3]);
    expect(await viewSource(store, 'customers')).toContain('memory_copy__customers');
  });

  it('are not made for a table above the row cap: the view reads Parquet', async () => {
    store = await RawStore.openDir(tempDir());
    await commitRows(store, 'customers', CUSTOMERS([1, 2, 3]), 'replace');
    await store.keepInMemory(['customers'], 2);
    expect(await viewSource(store, 'customers')).toContain('read_parquet');
    expect(await ids(store)).toEqual([1, 2, 3]);
    const [copies] = await queryRows(
      store.connection,
      `SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE table_name LIKE 'memory_copy__%'`,
    );
    expect(copies!.n).toBe(0);
  });

  it('see a commit made by another process on the next refresh', async () => {
    const dir = tempDir();
    store = await RawStore.openDir(dir);
    await commitRows(store, 'customers', CUSTOMERS([1]), 'replace');
    await store.keepInMemory(['customers'], 1000);
    const other = await RawStore.openDir(dir);
    try {
      await commitRows(other, 'customers', CUSTOMERS([7]), 'append');
    } finally {
      await other.close();
    }
    expect(await ids(store)).toEqual([1]);
    await store.refresh();
    expect(await ids(store)).toEqual([1, 7]);
  });
});
