import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportedIngestion, TableChange } from './catalog/catalog-records.ts';
import { openDuckDb, queryNumber, queryRows, sqlIdent, sqlString } from './duckdb.ts';
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
  /** Batches of the ingestion log carried over, by status (the content hashes checked). */
  readonly ingestions: { readonly landed: number; readonly rejected: number };
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
    const history = await legacyIngestions(c, file);
    for (const batch of history) await shared.objects.put(batch.reportKey!, batch.report);
    await shared.catalog.commit({
      operation: 'migrate',
      summary: { from: file },
      tables,
      importedIngestions: history.map(({ report: _report, ...imported }) => imported),
    });
    await checkLandedHashes(c, file, shared);
    const landed = history.filter((b) => b.status === 'landed').length;
    return { file, tables: counts, ingestions: { landed, rejected: history.length - landed } };
  } finally {
    legacy.close();
  }
}

async function hasTable(c: DuckDBConnection, table: string): Promise<boolean> {
  return (
    (await queryNumber(
      c,
      `SELECT count(*) FROM duckdb_tables() WHERE table_name = ${sqlString(table)} AND NOT temporary`,
    )) > 0
  );
}

/**
 * The old ingestion log as catalog records, one per content hash (the catalog's exactly-once key):
 * the attempt that landed, else the latest rejected one. Each gets a report in the object store
 * built from the log row (the old JSON reports were local files), so `sodai data batches` still
 * shows it.
 */
async function legacyIngestions(
  c: DuckDBConnection,
  file: string,
): Promise<(ImportedIngestion & { readonly report: string })[]> {
  if (!(await hasTable(c, 'ingestions'))) return [];
  const rows = await queryRows(
    c,
    `SELECT batch_id, table_name, file, sha256, outcome, rows_read, rows_accepted, rows_quarantined,
            date_min::VARCHAR AS date_min, date_max::VARCHAR AS date_max,
            strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at,
            strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at, message
     FROM (SELECT *, row_number() OVER (PARTITION BY sha256
                 ORDER BY outcome = 'ingested' DESC, started_at DESC, batch_id DESC) AS pick
           FROM ingestions)
     WHERE pick = 1 ORDER BY started_at, batch_id`,
  );
  return rows.map((r) => {
    const status = r.outcome === 'ingested' ? 'landed' : 'rejected';
    const dateRange =
      r.date_min != null && r.date_max != null ? { min: String(r.date_min), max: String(r.date_max) } : null;
    const report = {
      batchId: String(r.batch_id),
      table: String(r.table_name),
      file: String(r.file),
      sha256: String(r.sha256),
      outcome: r.outcome === 'ingested' ? 'ingested' : 'rejected',
      message: String(r.message ?? ''),
      rows: {
        read: Number(r.rows_read),
        accepted: Number(r.rows_accepted),
        quarantined: Number(r.rows_quarantined),
      },
      dateRange,
      startedAt: String(r.started_at),
      finishedAt: String(r.finished_at),
      migratedFrom: file,
    };
    return {
      contentHash: `sha256:${String(r.sha256)}`,
      sourceName: String(r.file),
      status,
      createdAt: Date.parse(String(r.started_at)),
      reportKey: `reports/ingest/${String(r.batch_id)}.json`,
      ...(dateRange ? { dateMin: dateRange.min, dateMax: dateRange.max } : {}),
      ...(r.message != null && status === 'rejected' ? { message: String(r.message) } : {}),
      report: `${JSON.stringify(report, null, 2)}\n`,
    };
  });
}

/** Every content hash the old store counted as landed is landed in the catalog, and no other. */
async function checkLandedHashes(c: DuckDBConnection, file: string, shared: SharedStore): Promise<void> {
  if (!(await hasTable(c, 'ingested_files'))) return;
  const expected = (await queryRows(c, 'SELECT sha256 FROM ingested_files ORDER BY 1')).map(
    (r) => `sha256:${String(r.sha256)}`,
  );
  const landed = (await shared.catalog.listIngestions())
    .filter((i) => i.status === 'landed')
    .map((i) => i.contentHash)
    .sort();
  if (JSON.stringify(landed) !== JSON.stringify(expected)) {
    throw new StoreError(
      'INVALID_CHANGE',
      `${file}: ${expected.length} ingested files in the old store but ${landed.length} landed batches in the catalog after migration`,
    );
  }
}
