import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW_TABLES, transactionsTable } from '../src/contract/index.ts';
import { openDuckDb, sqlString, type DuckDb } from '../src/store/duckdb.ts';
import { inspectFile } from '../src/data/ingest/file-inspection.ts';
import { generateSmall, hasRealData, REAL_DATA_DIR, tempDir, writeTable } from './helpers.ts';

const FILES = {
  customers: 'clientes.parquet',
  products: 'productos.parquet',
  transactions: 'transacciones.parquet',
};

let db: DuckDb;
beforeAll(async () => {
  db = await openDuckDb(':memory:');
});
afterAll(() => db.close());

describe.runIf(hasRealData)('contract on the real 2024 files', () => {
  for (const [table, file] of Object.entries(FILES)) {
    it(`accepts ${file} and drops only the pandas index`, async () => {
      const inspection = await inspectFile(
        db.connection,
        path.join(REAL_DATA_DIR, file),
        RAW_TABLES[table as keyof typeof FILES],
      );
      expect(inspection.problems).toEqual([]);
      expect(inspection.extraColumns).toEqual([]);
    });
  }
});

describe('contract', () => {
  const dir = tempDir();

  it('accepts generated files, which have the real schema', async () => {
    await generateSmall(dir);
    for (const [table, file] of Object.entries(FILES)) {
      const inspection = await inspectFile(
        db.connection,
        path.join(dir, file),
        RAW_TABLES[table as keyof typeof FILES],
      );
      expect(inspection.problems, file).toEqual([]);
    }
  });

  it('rejects a transactions file without items, naming the file and the column', async () => {
    const file = await writeTable(
      `SELECT 1::BIGINT AS customer_id, 2::BIGINT AS product_id, 3::BIGINT AS order_id, DATE '2024-01-01' AS purchase_date`,
      path.join(dir, 'no-items.parquet'),
    );
    const inspection = await inspectFile(db.connection, file, transactionsTable);
    expect(inspection.problems).toHaveLength(1);
    expect(inspection.problems[0]).toMatchObject({ check: 'missing_column', column: 'items' });
    expect(inspection.problems[0]!.message).toContain(file);
    expect(inspection.problems[0]!.message).toContain('"items"');
  });

  it('rejects a wrong type and says what was expected', async () => {
    const file = await writeTable(
      `SELECT 1 AS customer_id, 2 AS product_id, 3 AS order_id, 'yesterday' AS purchase_date, 1.5 AS items`,
      path.join(dir, 'text-date.parquet'),
    );
    const inspection = await inspectFile(db.connection, file, transactionsTable);
    expect(inspection.problems).toEqual([
      expect.objectContaining({ check: 'wrong_type', column: 'purchase_date' }),
    ]);
    expect(inspection.problems[0]!.message).toMatch(/has type VARCHAR, expected a date or timestamp/);
  });

  it('accepts integral floats for id columns (pandas writes ints with gaps as floats) but not fractions', async () => {
    const ok = await writeTable(
      `SELECT 1.0::DOUBLE AS customer_id, 2 AS product_id, 3 AS order_id, TIMESTAMP '2024-01-01' AS purchase_date, 1 AS items`,
      path.join(dir, 'float-ids.parquet'),
    );
    expect((await inspectFile(db.connection, ok, transactionsTable)).problems).toEqual([]);
    const bad = await writeTable(
      `SELECT 1.5::DOUBLE AS customer_id, 2 AS product_id, 3 AS order_id, TIMESTAMP '2024-01-01' AS purchase_date, 1 AS items`,
      path.join(dir, 'fraction-ids.parquet'),
    );
    expect((await inspectFile(db.connection, bad, transactionsTable)).problems[0]).toMatchObject({
      check: 'wrong_type',
      column: 'customer_id',
    });
  });

  it('reports an unreadable file instead of throwing', async () => {
    const file = path.join(dir, 'garbage.parquet');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'not a parquet file');
    const inspection = await inspectFile(db.connection, file, transactionsTable);
    expect(inspection.problems[0]).toMatchObject({ check: 'unreadable_file' });
    expect(inspection.problems[0]!.message).toContain(file);
  });

  it('derives typed zod row schemas from the same declaration', () => {
    const row = { customer_id: 1, product_id: 2, order_id: 3, purchase_date: '2024-01-05', items: -1 / 3 };
    expect(transactionsTable.rowSchema.parse(row)).toEqual(row);
    const result = transactionsTable.rowSchema.safeParse({ ...row, items: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['items']);
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
  });
});
