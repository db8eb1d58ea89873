import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { STORE_TABLES, type RawStore } from '../src/store/raw-store.ts';
import { newTableFileKey, writeQueryToStore } from '../src/store/parquet-table.ts';
import { generateData } from '../src/data/generator/generate.ts';
import type { GeneratorOptions } from '../src/data/generator/generator-options.ts';

export const REAL_DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/data/sodai-2024');
export const hasRealData = existsSync(path.join(REAL_DATA_DIR, 'transacciones.parquet'));

/** A temporary folder removed after the test file. */
export function tempDir(prefix = 'sodai-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A small generated data set (fast enough for unit tests). */
export async function generateSmall(outDir: string, overrides: Partial<GeneratorOptions> = {}) {
  return generateData({
    customers: 150,
    products: 120,
    weeks: 16,
    start: '2024-01-01',
    seed: 11,
    outDir,
    ...overrides,
  });
}

/**
 * A digest of everything the store holds: every table's rows in a fixed order. Equal digests mean
 * equal content, whatever DuckDB did with its file layout.
 */
export async function storeDigest(store: RawStore): Promise<string> {
  const hash = createHash('sha256');
  for (const table of STORE_TABLES) {
    const rows = await queryRows(store.connection, `SELECT * FROM ${table} ORDER BY ALL`);
    hash.update(`${table}:${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

/** Writes the result of a SQL query to a Parquet or CSV file (by extension). */
export async function writeTable(sql: string, file: string): Promise<string> {
  const { openDuckDb, sqlString } = await import('../src/store/duckdb.ts');
  const db = await openDuckDb(':memory:');
  try {
    const format = file.endsWith('.csv') ? 'csv, HEADER true' : 'parquet';
    await db.connection.run(`COPY (${sql}) TO ${sqlString(file)} (FORMAT ${format})`);
    return file;
  } finally {
    db.close();
  }
}

/**
 * Commits, as another process would, the week after the store's latest day: its last 7 days' lines
 * again 7 days later (new order ids). Returns the new latest day.
 */
export async function commitRepeatedWeek(store: RawStore): Promise<string> {
  const [last] = await queryRows(
    store.connection,
    'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
  );
  const lastDay = String(last!.d);
  await commitRows(
    store,
    'transactions',
    `SELECT * REPLACE (order_id + 10000000 AS order_id, purchase_date + INTERVAL 7 DAY AS purchase_date)
     FROM transactions WHERE purchase_date > DATE '${lastDay}' - INTERVAL 7 DAY`,
  );
  return new Date(Date.parse(`${lastDay}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Commits the rows of `query` to a store table as one new file: `append` adds them, `replace` makes
 * them the whole table. Tests use it where they once wrote into the store's tables directly.
 */
export async function commitRows(
  store: RawStore,
  table: string,
  query: string,
  mode: 'append' | 'replace' = 'append',
): Promise<void> {
  const file = await writeQueryToStore(store.connection, query, store.shared.objects, newTableFileKey(table));
  await store.commit({ operation: 'test', tables: [{ table, mode, add: [file] }] });
}

/** A loopback port nothing listens on: bound, then closed (for "the service is down" cases). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
