import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TableChange } from './catalog/catalog-records.ts';
import { openDuckDb, queryNumber, sqlIdent, sqlString } from './duckdb.ts';
import { newTableFileKey, writeQueryToStore } from './parquet-table.ts';
import type { SharedStore } from './shared-store.ts';
import { StoreError } from './store-error.ts';

/** Tables of the single-file DuckDB store that become catalog tables, with their date column. */
const LEGACY_TABLES: readonly (readonly [string, string | undefined])[] = [
  ['customers', undefined],
  ['products', undefined],
  ['transactions', 'purchase_date'],
  ['quarantine', undefined],
  ['predictions', undefined],
  ['prediction_log', undefined],
  ['prediction_dataset', undefined],
];

export interface MigrationResult {
  readonly file: string;
  /** Rows copied per table. */
  readonly tables: Readonly<Record<string, number>>;
}

/** The single-file store of earlier versions, in a data folder. */
export function legacyStoreFile(dataDir: string): string {
  return path.join(dataDir, 'store.duckdb');
}

/**
 * Upgrades an earlier version's data folder: when `<dataDir>/store.duckdb` exists and the catalog
 * has no transactions yet, copies each of its tables to one Parquet file, checks every file's row
 * count against the source table, and commits them all at once. Returns undefined when there was
 * nothing to migrate. The old file is left in place (read-only), so nothing can be lost.
 */
export async function migrateLegacyStore(
  dataDir: string,
  shared: SharedStore,
): Promise<MigrationResult | undefined> {
  const file = legacyStoreFile(dataDir);
  if (!existsSync(file)) return undefined;
  if ((await shared.catalog.currentSnapshot('transactions')) !== undefined) return undefined;
  const legacy = await openDuckDb(file, { access_mode: 'READ_ONLY' });
  try {
    const c = legacy.connection;
    const tables: TableChange[] = [];
    const counts: Record<string, number> = {};
    for (const [table, dateColumn] of LEGACY_TABLES) {
      const present = await queryNumber(
        c,
        `SELECT count(*) FROM duckdb_tables() WHERE table_name = ${sqlString(table)} AND NOT temporary`,
      );
      if (!present) continue;
      const rows = await queryNumber(c, `SELECT count(*) FROM ${sqlIdent(table)}`);
      if (rows === 0) continue;
      const written = await writeQueryToStore(
        c,
        `SELECT * FROM ${sqlIdent(table)}`,
        shared.objects,
        newTableFileKey(table),
        dateColumn ? { dateColumn } : {},
      );
      if (written.rows !== rows) {
        throw new StoreError(
          'INVALID_CHANGE',
          `${file}: table ${table} has ${rows} rows but ${written.rows} were written; nothing migrated`,
        );
      }
      counts[table] = rows;
      tables.push({ table, mode: 'replace', parent: null, add: [written] });
    }
    if (tables.length === 0) return undefined;
    await shared.catalog.commit({ operation: 'migrate', summary: { from: file }, tables });
    return { file, tables: counts };
  } finally {
    legacy.close();
  }
}
