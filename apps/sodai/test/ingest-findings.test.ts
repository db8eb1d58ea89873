/**
 * Regression tests for the ingest findings of the fault-injection pass (issue 18): each is named
 * after the failure it guards and fails on the code that had it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../src/data/ingest/ingest-file.ts';
import { batchFilesIn, ingestBatches, loadInitialData } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { queryNumber, queryRows, sqlString } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir, writeTable } from './helpers.ts';

const dir = tempDir();
const generated = path.join(dir, 'generated');
const history = path.join(dir, 'history');
const landing = path.join(dir, 'landing');
await generateSmall(generated, { weeks: 12 });
const batches = await splitWeeks({ input: generated, outDir: landing, lastWeeks: 3, historyDir: history });
const week = (i: number) => batches[i]!.file;

let store: RawStore;
let storeCount = 0;
const reportsDir = path.join(dir, 'reports');

beforeEach(async () => {
  store = await RawStore.openDir(path.join(dir, `store-${storeCount++}`));
  const reports = await loadInitialData(
    store,
    {
      customers: path.join(history, 'clientes.parquet'),
      products: path.join(history, 'productos.parquet'),
      transactions: path.join(history, 'transacciones.parquet'),
    },
    { reportsDir },
  );
  expect(reports.map((r) => r.outcome)).toEqual(['ingested', 'ingested', 'ingested']);
});
afterEach(() => store.close());

const folder = (name: string) => {
  const f = path.join(dir, name);
  mkdirSync(f, { recursive: true });
  return f;
};
const weekRowsSql = (i: number) =>
  `SELECT customer_id, product_id, order_id, purchase_date::DATE AS purchase_date, items FROM read_parquet(${sqlString(week(i))})`;
const count = (sql: string) => queryNumber(store.connection, sql);

describe('finding 2: duplicate rejections', () => {
  it('two identical rejected files in the same second both get a rejection record', async () => {
    const inbox = folder('two-rejected');
    const bad = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date FROM read_parquet(${sqlString(week(0))})`,
      path.join(inbox, 'a-no-items.parquet'),
    );
    copyFileSync(bad, path.join(inbox, 'b-no-items.parquet'));
    copyFileSync(week(0), path.join(inbox, 'c-good.parquet'));
    const frozen = new Date('2024-06-03T10:00:00Z');
    const reports = await ingestBatches(store, inbox, { now: () => frozen, asOf: '2099-01-01' });
    expect(reports.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'ingested']);
    expect(reports[0]!.batchId).not.toBe(reports[1]!.batchId);
    // The second refusal's report is written under its own id (the first's is not overwritten); the
    // first's goes with the record the second replaced, which nothing points at any more.
    const key = (r: (typeof reports)[number]) => `reports/ingest/${r.batchId}.json`;
    expect(
      JSON.parse(Buffer.from(await store.shared.objects.getBytes(key(reports[1]!))).toString()),
    ).toMatchObject({
      batchId: reports[1]!.batchId,
      outcome: 'rejected',
    });
    expect(await store.shared.objects.exists(key(reports[0]!))).toBe(false);
    const rejected = (await store.shared.catalog.listIngestions()).filter((i) => i.status === 'rejected');
    expect(rejected).toHaveLength(1); // one record per content: the latest attempt's
    expect(rejected[0]!.reportKey).toBe(`reports/ingest/${reports[1]!.batchId}.json`);
  });
});

describe('finding 4: a poison CSV', () => {
  it('a bad value past the CSV type sample is quarantined with its row instead of aborting ingest', async () => {
    // 30,000 rows: more than DuckDB samples to guess column types, the bad one near the end.
    const rows = await count(`SELECT count(*) FROM read_parquet(${sqlString(week(0))})`);
    const copies = Math.ceil(30_000 / rows);
    const poisonRow = rows * copies - 3;
    const csv = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date,
              CASE WHEN row_number() OVER () = ${poisonRow} THEN 'abc' ELSE items::VARCHAR END AS items
       FROM (SELECT customer_id, product_id, order_id + k * 100000000 AS order_id, purchase_date, items
             FROM (${weekRowsSql(0)}) CROSS JOIN range(${copies}) t(k) ORDER BY k, order_id, product_id)`,
      path.join(folder('poison'), 'poison.csv'),
    );
    const report = await ingestFile(store, csv, { table: 'transactions', asOf: '2099-01-01' });
    expect(report.outcome).toBe('ingested');
    const check = report.checks.find((c) => c.id === 'unparseable_value')!;
    expect(check.count).toBe(1);
    expect(check.examples[0]).toMatchObject({ row: poisonRow });
    expect(check.examples[0]!.detail).toContain('items = "abc"');
    expect(await count(`SELECT count(*) FROM quarantine WHERE reasons LIKE '%unparseable_value%'`)).toBe(1);
  });

  it('a CSV line that cannot be parsed rejects its batch with a report and the folder goes on', async () => {
    const inbox = folder('broken-line');
    const good = readFileSync(
      await writeTable(weekRowsSql(0), path.join(dir, 'broken-source.csv')),
      'utf8',
    ).split('\n');
    good.splice(5, 0, '1,2,3,2024-01-01,3,4,5'); // more fields than the header
    writeFileSync(path.join(inbox, 'a-broken.csv'), good.join('\n'));
    copyFileSync(week(0), path.join(inbox, 'b-good.parquet'));
    const reports = await ingestBatches(store, inbox, { asOf: '2099-01-01' });
    expect(reports.map((r) => r.outcome)).toEqual(['rejected', 'ingested']);
    expect(reports[0]!.fatal[0]!.message).toContain('a-broken.csv');
    expect((await store.ingestions(2)).map((i) => i.outcome)).toEqual(['ingested', 'rejected']);
  });
  it('a line with a stray quote is quarantined with its row and the rest of the file lands', async () => {
    const lines = readFileSync(
      await writeTable(weekRowsSql(0), path.join(dir, 'stray-quote-source.csv')),
      'utf8',
    ).split('\n');
    lines.splice(5, 0, '1,2,"unterminated,2024-01-01,3');
    const file = path.join(folder('stray-quote'), 'stray.csv');
    writeFileSync(file, lines.join('\n'));
    const report = await ingestFile(store, file, { table: 'transactions', asOf: '2099-01-01' });
    expect(report.outcome).toBe('ingested');
    const check = report.checks.find((c) => c.id === 'unparseable_value')!;
    expect(check.examples.map((e) => e.row)).toEqual([5]);
    // Every row of the week landed: the quote swallowed none of the lines after it.
    const same = await ingestFile(store, week(0), { table: 'transactions', asOf: '2099-01-01' });
    expect(same.outcome).toBe('skipped');
  });
});

describe('finding 12: CSV messages', () => {
  it('a header-only CSV is rejected as having no rows, not as a wrong type', async () => {
    const file = path.join(folder('header-only'), 'header.csv');
    writeFileSync(file, 'customer_id,product_id,order_id,purchase_date,items\n');
    const report = await ingestFile(store, file, { table: 'transactions' });
    expect(report.fatal).toEqual([expect.objectContaining({ check: 'empty_batch' })]);
    expect(report.message).toContain('no rows');
  });

  it('a typo inside the rows DuckDB samples for types is quarantined with its row, like one past them, and the rest is ingested', async () => {
    const file = await writeTable(
      `SELECT customer_id, product_id, order_id,
              CASE WHEN row_number() OVER () = 5 THEN '2024-13-45' ELSE purchase_date::VARCHAR END AS purchase_date,
              CASE WHEN row_number() OVER () = 3 THEN 'lots' ELSE items::VARCHAR END AS items
       FROM (${weekRowsSql(2)} ORDER BY ALL)`,
      path.join(folder('typo-in-sample'), 'typo.csv'),
    );
    const rows = await count(`SELECT count(*) FROM read_csv(${sqlString(file)})`);
    const report = await ingestFile(store, file, { table: 'transactions', asOf: '2099-01-01' });
    expect(report.outcome).toBe('ingested');
    const check = report.checks.find((c) => c.id === 'unparseable_value')!;
    expect(check.count).toBe(2);
    expect(check.examples.map((e) => [e.row, e.detail])).toEqual([
      [3, 'items = "lots" is not a number'],
      [5, 'purchase_date = "2024-13-45" is not a date'],
    ]);
    expect(report.rows.accepted + report.rows.quarantined).toBe(rows);
  });

  it('a CSV column that mostly holds something else rejects the file, naming how many values and the first row', async () => {
    const file = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date,
              CASE WHEN row_number() OVER () % 4 = 0 THEN items::VARCHAR ELSE 'lots' END AS items
       FROM (${weekRowsSql(0)} ORDER BY ALL)`,
      path.join(folder('wrong-type'), 'wrong.csv'),
    );
    const report = await ingestFile(store, file, { table: 'transactions' });
    expect(report.outcome).toBe('rejected');
    expect(report.fatal[0]).toMatchObject({ check: 'wrong_type', column: 'items' });
    expect(report.fatal[0]!.message).toMatch(
      /holds [\d,]+ of [\d,]+ values that are not a number \(first at row 1: "lots"\)/,
    );
  });

  it('hidden files in a batch folder are not ingested as batches', () => {
    const inbox = folder('hidden');
    copyFileSync(week(0), path.join(inbox, '.w0.parquet'));
    copyFileSync(week(1), path.join(inbox, 'w1.parquet'));
    expect(batchFilesIn(inbox).map((f) => path.basename(f))).toEqual(['w1.parquet']);
  });
});

describe('finding 5: gaps, backfill and corrections', () => {
  it('a skipped week is warned about and can be ingested later', async () => {
    const later = await ingestFile(store, week(1), { table: 'transactions', asOf: '2099-01-01' });
    expect(later.outcome).toBe('ingested');
    expect(later.warnings.join('\n')).toMatch(/gap: no transactions between .* \(1 missing week\)/);
    const missing = await ingestFile(store, week(0), { table: 'transactions', asOf: '2099-01-01' });
    expect(missing.outcome).toBe('ingested');
    expect(missing.warnings.join('\n')).not.toContain('gap');
    expect(
      await count('SELECT count(*) FROM transactions WHERE batch_id = ' + sqlString(missing.batchId)),
    ).toBe(missing.rows.accepted);
  });

  it("a quarantined future-dated row does not stretch its batch's dates over the weeks after it", async () => {
    const asOf = String(
      (
        await queryRows(
          store.connection,
          `SELECT max(purchase_date)::DATE::VARCHAR AS d FROM (${weekRowsSql(2)})`,
        )
      )[0]!.d,
    );
    const typo = await writeTable(
      `${weekRowsSql(0)} UNION ALL
       SELECT customer_id, product_id, order_id, DATE '2030-01-01', items FROM (${weekRowsSql(0)} LIMIT 1)`,
      path.join(folder('future-typo'), 'w0-typo.parquet'),
    );
    const first = await ingestFile(store, typo, { table: 'transactions', asOf });
    expect(first.outcome).toBe('ingested');
    expect(first.checks.find((c) => c.id === 'future_date')?.count).toBe(1);
    const lastDay = (
      await queryRows(store.connection, `SELECT max(purchase_date)::VARCHAR AS d FROM (${weekRowsSql(0)})`)
    )[0]!.d;
    expect(first.dateRange?.max).toBe(String(lastDay));
    const next = await ingestFile(store, week(1), { table: 'transactions', asOf });
    expect(next.outcome).toBe('ingested');
  });

  it('a row dated a year back (a typo) is quarantined with its row and date, and the rest of the week lands', async () => {
    const typo = await writeTable(
      `${weekRowsSql(0)} UNION ALL
       SELECT customer_id, product_id, order_id, purchase_date - INTERVAL 1 YEAR, items FROM (${weekRowsSql(0)} LIMIT 1)`,
      path.join(folder('year-typo'), 'w0-year-typo.csv'),
    );
    const report = await ingestFile(store, typo, { table: 'transactions', asOf: '2099-01-01' });
    expect(report.outcome).toBe('ingested');
    const stray = report.checks.find((c) => c.id === 'stray_date');
    expect(stray?.count).toBe(1);
    const weekRows = await count(`SELECT count(*) FROM (${weekRowsSql(0)})`);
    expect(report.rows.accepted).toBe(weekRows);
    expect(stray?.examples[0]?.row).toBe(weekRows + 1);
    expect(stray?.examples[0]?.detail).toMatch(/apart from the batch|already ingested/);
    const weekStart = (
      await queryRows(store.connection, `SELECT min(purchase_date)::VARCHAR AS d FROM (${weekRowsSql(0)})`)
    )[0]!.d;
    expect(report.dateRange?.min).toBe(String(weekStart));
  });

  it('a stray row of a delivered week is quarantined naming that batch, and a re-sent week is still refused whole', async () => {
    const delivered = await ingestFile(store, week(0), { table: 'transactions', asOf: '2099-01-01' });
    expect(delivered.outcome).toBe('ingested');
    const withStray = await writeTable(
      `${weekRowsSql(1)} UNION ALL
       SELECT customer_id, product_id, order_id, purchase_date, items + 1 FROM (${weekRowsSql(0)} LIMIT 1)`,
      path.join(folder('stray-delivered'), 'w1-with-stray.parquet'),
    );
    const report = await ingestFile(store, withStray, { table: 'transactions', asOf: '2099-01-01' });
    expect(report.outcome).toBe('ingested');
    const stray = report.checks.find((c) => c.id === 'stray_date');
    expect(stray?.count).toBe(1);
    expect(stray?.examples[0]?.detail).toContain(delivered.batchId);

    const changedDelivered = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date, items + 1 AS items FROM (${weekRowsSql(0)})`,
      path.join(folder('resent'), 'w0-changed.parquet'),
    );
    const resent = await ingestFile(store, changedDelivered, { table: 'transactions', asOf: '2099-01-01' });
    expect(resent.outcome).toBe('rejected');
    expect(resent.fatal[0]!.check).toBe('overlap');
    expect(resent.checks.find((c) => c.id === 'stray_date')?.count ?? 0).toBe(0);
  });

  it('a CRLF re-export of a delivered week is skipped as the same rows', async () => {
    const lf = await writeTable(weekRowsSql(0), path.join(folder('crlf'), 'w0.csv'));
    const first = await ingestFile(store, lf, { table: 'transactions', asOf: '2099-01-01' });
    expect(first.outcome).toBe('ingested');
    const crlf = path.join(dir, 'crlf', 'w0-windows.csv');
    writeFileSync(crlf, readFileSync(lf, 'utf8').replaceAll('\n', '\r\n'));
    const again = await ingestFile(store, crlf, { table: 'transactions', asOf: '2099-01-01' });
    expect(again.outcome).toBe('skipped');
    expect(again.previousBatchId).toBe(first.batchId);
  });

  it('a changed delivered week is rejected as overlap unless replaced with an actor and a reason', async () => {
    const delivered = await ingestFile(store, week(0), { table: 'transactions', asOf: '2099-01-01' });
    await ingestFile(store, week(1), { table: 'transactions', asOf: '2099-01-01' });
    const corrected = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date, items + 1 AS items FROM (${weekRowsSql(0)})`,
      path.join(folder('corrected'), 'w0-fixed.parquet'),
    );
    const plain = await ingestFile(store, corrected, { table: 'transactions', asOf: '2099-01-01' });
    expect(plain.outcome).toBe('rejected');
    expect(plain.fatal[0]!.message).toContain('--replace');

    const before = await queryRows(
      store.connection,
      `SELECT batch_id, count(*) AS n, sum(items) AS items FROM transactions GROUP BY ALL ORDER BY ALL`,
    );
    const replaced = await ingestFile(store, corrected, {
      table: 'transactions',
      asOf: '2099-01-01',
      replace: { actor: 'ana', reason: 'supplier re-sent week with fixed quantities' },
    });
    expect(replaced.outcome).toBe('ingested');
    expect(replaced.correction).toMatchObject({ actor: 'ana', replacedRows: delivered.rows.accepted });
    const after = await queryRows(
      store.connection,
      `SELECT batch_id, count(*) AS n, sum(items) AS items FROM transactions GROUP BY ALL ORDER BY ALL`,
    );
    const oldBatch = replaced.correction!.replacedBatches[0]!;
    // The old week's rows are gone, the corrected ones are in, every other batch is untouched.
    expect(after.find((r) => r.batch_id === oldBatch)).toBeUndefined();
    expect(after.filter((r) => r.batch_id !== replaced.batchId)).toEqual(
      before.filter((r) => r.batch_id !== oldBatch),
    );
    const snapshot = await store.shared.catalog.currentSnapshot('transactions');
    expect(snapshot!.summary).toMatchObject({
      correction: { actor: 'ana', reason: 'supplier re-sent week with fixed quantities' },
    });
  });

  it("a week inside the history file can be replaced, keeping the history file's other days", async () => {
    const [span] = await queryRows(
      store.connection,
      `SELECT (max(purchase_date) - INTERVAL 20 DAY)::DATE::VARCHAR AS lo, (max(purchase_date) - INTERVAL 14 DAY)::DATE::VARCHAR AS hi,
              count(*) AS n FROM transactions`,
    );
    const lo = String(span!.lo);
    const hi = String(span!.hi);
    const inWeek = `purchase_date BETWEEN DATE ${sqlString(lo)} AND DATE ${sqlString(hi)}`;
    const kept = await queryRows(
      store.connection,
      `SELECT * EXCLUDE (batch_id) FROM transactions WHERE NOT (${inWeek}) ORDER BY ALL`,
    );
    const fixed = path.join(folder('history-fix'), 'fix.parquet');
    await store.connection.run(
      `COPY (SELECT customer_id, product_id, order_id, purchase_date, items * 2 AS items FROM transactions
             WHERE ${inWeek}) TO ${sqlString(fixed)} (FORMAT parquet)`,
    );
    const report = await ingestFile(store, fixed, {
      table: 'transactions',
      asOf: '2099-01-01',
      replace: { actor: 'ops', reason: 'double-counted week' },
    });
    expect(report.outcome).toBe('ingested');
    expect(
      await queryRows(
        store.connection,
        `SELECT * EXCLUDE (batch_id) FROM transactions WHERE NOT (${inWeek}) ORDER BY ALL`,
      ),
    ).toEqual(kept);
    expect(
      await count(
        `SELECT count(*) FROM transactions WHERE ${inWeek} AND batch_id <> ${sqlString(report.batchId)}`,
      ),
    ).toBe(0);
  });
});

describe('finding 6: glob characters', () => {
  it('a file named with glob characters is read as itself, not as a file its pattern matches', async () => {
    const inbox = folder('glob');
    copyFileSync(week(0), path.join(inbox, 'week0.parquet'));
    const odd = path.join(inbox, 'week[0].parquet');
    copyFileSync(week(1), odd);
    const report = await ingestFile(store, odd, { table: 'transactions', asOf: '2099-01-01' });
    expect(report.outcome).toBe('ingested');
    expect(report.rows.read).toBe(batches[1]!.rows);
    const [range] = await queryRows(
      store.connection,
      `SELECT min(purchase_date)::VARCHAR AS lo FROM transactions WHERE batch_id = ${sqlString(report.batchId)}`,
    );
    expect(range!.lo).toBe(report.dateRange!.min);
    const other = await ingestFile(store, path.join(inbox, 'week0.parquet'), {
      table: 'transactions',
      asOf: '2099-01-01',
    });
    expect(other.outcome).toBe('ingested');
  });
});

describe('finding 9: the report copy', () => {
  it('a landed batch whose report copy cannot be written succeeds with a warning, and a retry skips', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const options = {
      table: 'transactions' as const,
      asOf: '2099-01-01',
      reportsDir: path.join(blocker, 'r'),
    };
    const report = await ingestFile(store, week(0), options);
    expect(report.outcome).toBe('ingested');
    expect(report.warnings.join('\n')).toContain('could not be written');
    expect(report.reportPaths).toBeUndefined();
    const logged = (await store.ingestions(1))[0]!;
    expect(logged.outcome).toBe('ingested');
    expect(await store.shared.objects.exists(logged.reportPath!)).toBe(true);
    expect((await ingestFile(store, week(0), options)).outcome).toBe('skipped');
  });
});
