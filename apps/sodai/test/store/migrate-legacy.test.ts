import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../src/data/ingest/file-digest.ts';
import { ingestFile } from '../../src/data/ingest/ingest-file.ts';
import { openDuckDb, queryNumber, sqlString } from '../../src/store/duckdb.ts';
import { legacyStoreFile, migrateLegacyStore } from '../../src/store/migrate-legacy.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { generateSmall, tempDir } from '../helpers.ts';

/**
 * An earlier version's single-file store: the data tables plus its ingestion log (`ingestions`,
 * one row per attempt) and exactly-once table (`ingested_files`), as that version wrote them.
 */
async function writeLegacyStore(dataDir: string, generated: string, batchSha: string) {
  mkdirSync(dataDir, { recursive: true });
  const db = await openDuckDb(legacyStoreFile(dataDir));
  const c = db.connection;
  const read = (name: string) => `read_parquet(${sqlString(path.join(generated, name))})`;
  try {
    await c.run(`CREATE TABLE customers AS SELECT * FROM ${read('clientes.parquet')}`);
    await c.run(`CREATE TABLE products AS SELECT * FROM ${read('productos.parquet')}`);
    await c.run(
      `CREATE TABLE transactions AS SELECT customer_id, product_id, order_id, purchase_date, items, 'b-1' AS batch_id FROM ${read('transacciones.parquet')}`,
    );
    await c.run(`CREATE TABLE ingestions (batch_id VARCHAR PRIMARY KEY, table_name VARCHAR NOT NULL,
      file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, outcome VARCHAR NOT NULL, rows_read BIGINT NOT NULL,
      rows_accepted BIGINT NOT NULL, rows_quarantined BIGINT NOT NULL, date_min DATE, date_max DATE,
      started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL, message VARCHAR, report_path VARCHAR)`);
    await c.run(`CREATE TABLE ingested_files (sha256 VARCHAR PRIMARY KEY, batch_id VARCHAR NOT NULL)`);
    const rows = await queryNumber(c, 'SELECT count(*) FROM transactions');
    // The same bad file rejected twice, then the real history landed: two hashes in the log.
    await c.run(`INSERT INTO ingestions VALUES
      ('b-0', 'transactions', '/old/bad.csv', 'aaaa', 'rejected', 3, 0, 0, NULL, NULL,
       TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 10:00:01', 'missing column "items"', '/old/reports/b-0.json'),
      ('b-0b', 'transactions', '/old/bad.csv', 'aaaa', 'rejected', 3, 0, 0, NULL, NULL,
       TIMESTAMP '2024-01-02 10:00:00', TIMESTAMP '2024-01-02 10:00:01', 'missing column "items" again', NULL),
      ('b-1', 'transactions', '/old/history.parquet', '${batchSha}', 'ingested', ${rows}, ${rows}, 0,
       (SELECT min(purchase_date)::DATE FROM transactions), (SELECT max(purchase_date)::DATE FROM transactions),
       TIMESTAMP '2024-01-03 10:00:00', TIMESTAMP '2024-01-03 10:00:05', 'ok', NULL)`);
    await c.run(`INSERT INTO ingested_files VALUES ('${batchSha}', 'b-1')`);
    return rows;
  } finally {
    db.close();
  }
}

describe('migrating a legacy store.duckdb', () => {
  it('moves the ingestion log with the data (row counts and content hashes checked), so exactly-once survives the upgrade', async () => {
    const dir = tempDir('sodai-migrate-');
    const generated = path.join(dir, 'generated');
    await generateSmall(generated, { weeks: 8 });
    const history = path.join(generated, 'transacciones.parquet');
    const sha = await sha256File(history);
    const dataDir = path.join(dir, 'data');
    const rows = await writeLegacyStore(dataDir, generated, sha);

    const store = await RawStore.openDir(dataDir);
    try {
      // openDir does not migrate; the CLI's first open and `sodai migrate` call this.
      const result = (await migrateLegacyStore(dataDir, store.shared))!;
      expect(result.tables.transactions).toBe(rows);
      expect(result.ingestions).toEqual({ landed: 1, rejected: 1 });
      await store.refresh();
      expect(await queryNumber(store.connection, 'SELECT count(*) FROM transactions')).toBe(rows);

      const log = await store.shared.catalog.listIngestions();
      expect(log.map((i) => [i.contentHash, i.status, i.sourceName])).toEqual([
        ['sha256:aaaa', 'rejected', '/old/bad.csv'],
        [`sha256:${sha}`, 'landed', '/old/history.parquet'],
      ]);
      const landed = log.find((i) => i.status === 'landed')!;
      expect(landed.commitId).toBe((await store.shared.catalog.currentSnapshot('transactions'))!.commitId);
      expect(log[0]!.message).toBe('missing column "items" again');
      // `sodai data batches` reads reports from the object store: the migrated ones are there.
      const shown = await store.ingestions(10);
      expect(shown.map((b) => [b.batchId, b.outcome, b.rowsAccepted])).toEqual([
        ['b-1', 'ingested', rows],
        ['b-0b', 'rejected', 0],
      ]);

      // The file the old store ingested is recognised as already landed, not ingested twice.
      const again = await ingestFile(store, history, { table: 'transactions', asOf: '2030-01-01' });
      expect(again.outcome).toBe('skipped');
      expect(again.previousBatchId).toBe('b-1');
      expect(await queryNumber(store.connection, 'SELECT count(*) FROM transactions')).toBe(rows);
    } finally {
      await store.close();
    }
  });
});
