import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryNumber, queryRows, sqlString } from '../src/store/duckdb.ts';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { ingestBatches, loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { generateSmall, storeDigest, tempDir, writeTable } from './helpers.ts';

const dir = tempDir();
const generated = path.join(dir, 'generated');
const history = path.join(dir, 'history');
const landing = path.join(dir, 'landing');
await generateSmall(generated, { weeks: 12 });
const batches = await splitWeeks({ input: generated, outDir: landing, lastWeeks: 3, historyDir: history });

let store: RawStore;
let storeCount = 0;
const reportsDir = path.join(dir, 'reports');

async function freshStore(): Promise<RawStore> {
  const s = await RawStore.openDir(path.join(dir, `store-${storeCount++}`));
  const reports = await loadInitialData(
    s,
    {
      customers: path.join(history, 'clientes.parquet'),
      products: path.join(history, 'productos.parquet'),
      transactions: path.join(history, 'transacciones.parquet'),
    },
    { reportsDir },
  );
  expect(reports.map((r) => r.outcome)).toEqual(['ingested', 'ingested', 'ingested']);
  return s;
}

beforeEach(async () => {
  store = await freshStore();
});
afterEach(() => store.close());

const week = (i: number) => batches[i]!.file;

describe('ingesting weekly batches', () => {
  it('lands a clean batch whole and records it', async () => {
    const before = await queryNumber(store.connection, 'SELECT count(*) FROM transactions');
    const report = await ingestFile(store, week(0), { table: 'transactions', reportsDir });
    expect(report.outcome).toBe('ingested');
    expect(report.rows.read).toBe(batches[0]!.rows);
    const after = await queryNumber(store.connection, 'SELECT count(*) FROM transactions');
    expect(after - before).toBe(report.rows.accepted);
    const [logged] = await store.ingestions(1);
    expect(logged).toMatchObject({
      batchId: report.batchId,
      outcome: 'ingested',
      rowsAccepted: report.rows.accepted,
      rowsQuarantined: report.rows.quarantined,
      dateMin: report.dateRange!.min,
      dateMax: report.dateRange!.max,
    });
    expect(JSON.parse(readFileSync(report.reportPaths!.json, 'utf8')).batchId).toBe(report.batchId);
    expect(readFileSync(report.reportPaths!.html, 'utf8')).toContain('Validation report');
  });

  it('ingests the same content once, even under another name', async () => {
    const first = await ingestFile(store, week(0), { table: 'transactions' });
    const count = await queryNumber(store.connection, 'SELECT count(*) FROM transactions');
    const renamed = path.join(dir, 'renamed-copy.parquet');
    copyFileSync(week(0), renamed);
    for (const file of [week(0), renamed]) {
      const again = await ingestFile(store, file, { table: 'transactions' });
      expect(again.outcome).toBe('skipped');
      expect(again.previousBatchId).toBe(first.batchId);
    }
    expect(await queryNumber(store.connection, 'SELECT count(*) FROM transactions')).toBe(count);
  });

  it('leaves the store unchanged in content when a failure strikes just before commit', async () => {
    const before = await storeDigest(store);
    const quarantineReports = existsSync(reportsDir) ? readdirSync(reportsDir).length : 0;
    await expect(
      ingestFile(store, week(0), {
        table: 'transactions',
        reportsDir,
        beforeCommit: () => {
          throw new Error('disk unplugged');
        },
      }),
    ).rejects.toThrow('disk unplugged');
    expect(await storeDigest(store)).toBe(before);
    expect(readdirSync(reportsDir).length).toBe(quarantineReports);
    // The file was not marked as ingested: a retry lands it.
    expect((await ingestFile(store, week(0), { table: 'transactions' })).outcome).toBe('ingested');
  });

  it('quarantines exactly the 10 rows with unknown customers', async () => {
    const batch = path.join(dir, 'ten-unknown.parquet');
    await writeTable(
      `SELECT CASE WHEN rn <= 10 THEN 900000000 + rn ELSE customer_id END AS customer_id, product_id, order_id,
              purchase_date, items
       FROM (SELECT *, row_number() OVER () AS rn FROM read_parquet(${sqlString(week(0))}))`,
      batch,
    );
    const report = await ingestFile(store, batch, { table: 'transactions' });
    expect(report.outcome).toBe('ingested');
    const unknown = report.checks.find((c) => c.id === 'unknown_customer')!;
    expect(unknown.count).toBe(10);
    const rows = await queryRows(
      store.connection,
      `SELECT source_row, reasons, json_extract(record, '$.customer_id')::BIGINT AS customer_id
       FROM quarantine WHERE batch_id = ${sqlString(report.batchId)} AND reasons LIKE '%unknown_customer%'
       ORDER BY source_row`,
    );
    expect(rows.map((r) => Number(r.customer_id))).toEqual(
      Array.from({ length: 10 }, (_, i) => 900000001 + i),
    );
    expect(rows.map((r) => Number(r.source_row))).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(
      await queryNumber(store.connection, 'SELECT count(*) FROM transactions WHERE customer_id > 900000000'),
    ).toBe(0);
  });

  it('rejects a batch that overlaps ingested dates and changes nothing', async () => {
    await ingestFile(store, week(1), { table: 'transactions' });
    const data = async () =>
      JSON.stringify([
        await queryRows(store.connection, 'SELECT * FROM transactions ORDER BY ALL'),
        await queryRows(store.connection, 'SELECT * FROM quarantine ORDER BY ALL'),
        (await store.shared.catalog.listIngestions()).filter((i) => i.status === 'landed'),
      ]);
    const before = await data();
    // Same dates as the delivered week, different rows: a correction needs --replace.
    const changed = await writeTable(
      `SELECT * REPLACE (items + 1 AS items) FROM read_parquet(${sqlString(week(1))})`,
      path.join(dir, 'week1-changed.parquet'),
    );
    const report = await ingestFile(store, changed, { table: 'transactions' });
    expect(report.outcome).toBe('rejected');
    expect(report.fatal[0]).toMatchObject({ check: 'overlap', column: 'purchase_date' });
    expect(report.message).toContain(changed);
    // The attempt is logged; the data is untouched.
    expect((await store.ingestions(1))[0]).toMatchObject({ batchId: report.batchId, outcome: 'rejected' });
    expect(await data()).toBe(before);
  });

  it('rejects an empty batch and a batch without items, naming the file', async () => {
    const empty = await writeTable(
      `SELECT * FROM read_parquet(${sqlString(week(0))}) WHERE false`,
      path.join(dir, 'empty.parquet'),
    );
    const emptyReport = await ingestFile(store, empty, { table: 'transactions' });
    expect(emptyReport.outcome).toBe('rejected');
    expect(emptyReport.fatal[0]!.check).toBe('empty_batch');
    const noItems = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date FROM read_parquet(${sqlString(week(0))})`,
      path.join(dir, 'no-items.parquet'),
    );
    const report = await ingestFile(store, noItems, { table: 'transactions' });
    expect(report.outcome).toBe('rejected');
    expect(report.fatal).toEqual([expect.objectContaining({ check: 'missing_column', column: 'items' })]);
    expect(report.message).toContain('no-items.parquet');
  });

  it('a file refused again leaves one report in the store, not one per refusal (it waits in the landing, read by every run)', async () => {
    const noItems = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date FROM read_parquet(${sqlString(week(0))})`,
      path.join(dir, 'refused-again.parquet'),
    );
    const reports = async () => (await store.shared.objects.list('reports/ingest/')).map((o) => o.key).sort();
    const before = await reports();
    const first = await ingestFile(store, noItems, { table: 'transactions' });
    const second = await ingestFile(store, noItems, { table: 'transactions' });
    expect([first.outcome, second.outcome]).toEqual(['rejected', 'rejected']);
    expect(second.batchId).not.toBe(first.batchId);
    const added = (await reports()).filter((k) => !before.includes(k));
    expect(added).toEqual([`reports/ingest/${second.batchId}.html`, `reports/ingest/${second.batchId}.json`]);
    const logged = await store.ingestions(10);
    expect(logged.filter((i) => i.file.endsWith('refused-again.parquet')).map((i) => i.batchId)).toEqual([
      second.batchId,
    ]);
  });

  it('applies the row policies: duplicates, zero items, future dates, null keys, returns', async () => {
    const batch = path.join(dir, 'dirty.csv');
    await writeTable(
      `WITH base AS (SELECT DISTINCT customer_id, product_id, order_id, purchase_date::DATE AS purchase_date, items
                     FROM read_parquet(${sqlString(week(0))}) WHERE items > 0 ORDER BY ALL LIMIT 6),
            first AS (SELECT * FROM base ORDER BY ALL LIMIT 1)
       SELECT customer_id, product_id, order_id, purchase_date, items FROM (
         SELECT *, row_number() OVER (ORDER BY customer_id, product_id, order_id, purchase_date, items) AS k FROM base
         UNION ALL SELECT *, 7 FROM first
         UNION ALL SELECT customer_id, product_id, order_id + 1, purchase_date, 0, 8 FROM first
         UNION ALL SELECT customer_id, product_id, order_id + 2, DATE '2099-01-01', 1, 9 FROM first
         UNION ALL SELECT NULL, product_id, order_id + 3, purchase_date, 1, 10 FROM first
         UNION ALL SELECT customer_id, product_id, order_id + 4, purchase_date, -2, 11 FROM first)
       ORDER BY k`,
      batch,
    );
    const report = await ingestFile(store, batch, { table: 'transactions', asOf: '2030-01-01' });
    const count = (id: string) => report.checks.find((c) => c.id === id)!.count;
    expect(report.rows).toEqual({ read: 11, accepted: 7, quarantined: 4 });
    expect([count('duplicate_row'), count('zero_items'), count('future_date'), count('null_key')]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(count('return')).toBe(1);
    expect(report.checks.find((c) => c.id === 'duplicate_row')!.examples[0]!.detail).toBe('copy of row 1');
    expect(report.checks.find((c) => c.id === 'null_key')!.examples[0]).toMatchObject({
      row: 10,
      detail: 'customer_id is null',
    });
  });

  it('ingests a folder of batches in name order', async () => {
    const reports = await ingestBatches(store, landing, {});
    expect(reports.map((r) => r.outcome)).toEqual(['ingested', 'ingested', 'ingested']);
    expect(reports.map((r) => path.basename(r.file))).toEqual(batches.map((b) => path.basename(b.file)));
  });
});
