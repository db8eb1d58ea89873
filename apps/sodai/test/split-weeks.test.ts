import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDuckDb, queryRows, sqlString } from '../src/store/duckdb.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { tempDir, writeTable } from './helpers.ts';

const dir = tempDir();

describe('split-weeks', () => {
  it('cuts Monday-to-Sunday weeks keyed by date, not ISO week number', async () => {
    // 2024-12-30 and -31 are ISO week 1 of 2025; they must form the week of 2024-12-30.
    const file = await writeTable(
      `SELECT 1::BIGINT AS customer_id, 2::BIGINT AS product_id, i::BIGINT AS order_id,
              (DATE '2024-12-20' + i::INT)::TIMESTAMP AS purchase_date, 1.0 AS items, i AS __index_level_0__
       FROM range(12) t(i)`,
      path.join(dir, 'transacciones.parquet'),
    );
    const batches = await splitWeeks({ input: file, outDir: path.join(dir, 'out') });
    expect(batches.map((b) => [path.basename(b.file), b.rows])).toEqual([
      ['week-2024-12-16.parquet', 3],
      ['week-2024-12-23.parquet', 7],
      ['week-2024-12-30.parquet', 2],
    ]);
    const db = await openDuckDb(':memory:');
    const rows = await queryRows(
      db.connection,
      `SELECT purchase_date::DATE::VARCHAR AS d FROM read_parquet(${sqlString(batches[2]!.file)}) ORDER BY 1`,
    );
    db.close();
    expect(rows.map((r) => r.d)).toEqual(['2024-12-30', '2024-12-31']);
  });

  it('keeps only the last weeks as batches and writes the rest as history', async () => {
    const history = path.join(dir, 'history');
    const batches = await splitWeeks({
      input: path.join(dir, 'transacciones.parquet'),
      outDir: path.join(dir, 'last'),
      lastWeeks: 1,
      historyDir: history,
    });
    expect(batches).toHaveLength(1);
    const db = await openDuckDb(':memory:');
    const [row] = await queryRows(
      db.connection,
      `SELECT count(*) AS n, max(purchase_date)::DATE::VARCHAR AS last FROM read_parquet(${sqlString(path.join(history, 'transacciones.parquet'))})`,
    );
    db.close();
    expect(row).toEqual({ n: '10', last: '2024-12-29' });
  });

  it('cuts batches of N days from a first day, so cut-offs fall on any weekday', async () => {
    const batches = await splitWeeks({
      input: path.join(dir, 'transacciones.parquet'),
      outDir: path.join(dir, 'days'),
      historyDir: path.join(dir, 'days-history'),
      from: '2024-12-21',
      batchDays: 5,
      days: 10,
    });
    expect(batches.map((b) => [path.basename(b.file), b.rows])).toEqual([
      ['days-2024-12-21.parquet', 5],
      ['days-2024-12-26.parquet', 5],
    ]);
    const db = await openDuckDb(':memory:');
    const [history] = await queryRows(
      db.connection,
      `SELECT count(*) AS n, max(purchase_date)::DATE::VARCHAR AS last FROM read_parquet(${sqlString(path.join(dir, 'days-history', 'transacciones.parquet'))})`,
    );
    db.close();
    expect(history).toEqual({ n: '1', last: '2024-12-20' });
  });
});
