import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Catalog } from './catalog/catalog.ts';
import type { CatalogFile, NewFile, Snapshot } from './catalog/catalog-records.ts';
import { openDuckDb, queryRows, sqlIdent, sqlString, type DuckDb } from './duckdb.ts';
import type { ObjectStore } from './object-store/object-store.ts';
import { StoreError } from './store-error.ts';

export interface JobDuckDbOptions {
  /** DuckDB memory cap such as `4GB` (the `storeMemoryLimit` setting); beyond it DuckDB spills. */
  readonly memoryLimit: string;
  /** Where DuckDB spills; default a fresh temporary folder, removed on close. */
  readonly tempDirectory?: string;
  readonly threads?: number;
}

export interface JobDuckDb extends DuckDb {
  readonly tempDirectory: string;
}

/**
 * A DuckDB for one job: in memory, capped, spilling to a temporary folder. It holds no lock on any
 * shared file, so any number of processes can each open one; close it when the job ends.
 *
 * @example
 * const duck = await openJobDuckDb({ memoryLimit: config.storeMemoryLimit });
 * try { ... } finally { duck.close(); }
 */
export async function openJobDuckDb(options: JobDuckDbOptions): Promise<JobDuckDb> {
  const owned = options.tempDirectory === undefined;
  const tempDirectory = options.tempDirectory ?? mkdtempSync(path.join(tmpdir(), 'sodai-duck-'));
  let db: DuckDb;
  try {
    db = await openDuckDb(':memory:', {
      memory_limit: options.memoryLimit,
      temp_directory: tempDirectory,
      ...(options.threads !== undefined ? { threads: String(options.threads) } : {}),
    });
  } catch (error) {
    if (owned) rmSync(tempDirectory, { recursive: true, force: true });
    throw error;
  }
  return {
    ...db,
    tempDirectory,
    close() {
      db.close();
      if (owned) rmSync(tempDirectory, { recursive: true, force: true });
    },
  };
}

/** Column name → DuckDB type, for the view of a table that has no files yet. */
export type EmptyColumns = Readonly<Record<string, string>>;

/** How many files are fetched from the object store at once (S3 downloads run in parallel). */
const FETCH_CONCURRENCY = 4;

async function fetchAll(files: readonly Pick<CatalogFile, 'key' | 'contentHash'>[], store: ObjectStore) {
  const paths = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i]!;
      paths[i] = await store.localPath(file.key, file.contentHash);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, files.length) }, worker));
  return paths;
}

/**
 * Creates (or replaces) the view `name` over a snapshot's Parquet files. Each file is first made
 * local through the object store (the file itself for a folder store, the content-addressed cache for
 * S3: DuckDB cannot read S3 here) and checked against its content hash. Files are read in the given
 * order, columns matched by name. A table without files needs `emptyColumns`, so the view still has
 * its columns. Returns the local paths read.
 */
export async function createParquetView(
  connection: DuckDBConnection,
  name: string,
  files: readonly Pick<CatalogFile, 'key' | 'contentHash'>[],
  store: ObjectStore,
  emptyColumns?: EmptyColumns,
): Promise<string[]> {
  if (files.length === 0) {
    const columns = Object.entries(emptyColumns ?? {});
    if (columns.length === 0) {
      throw new StoreError(
        'INVALID_CHANGE',
        `view ${name}: the table has no files and no emptyColumns were given`,
      );
    }
    const select = columns.map(([column, type]) => `CAST(NULL AS ${type}) AS ${sqlIdent(column)}`).join(', ');
    await connection.run(`CREATE OR REPLACE VIEW ${sqlIdent(name)} AS SELECT ${select} WHERE false`);
    return [];
  }
  const paths = await fetchAll(files, store);
  const list = paths.map(sqlString).join(', ');
  await connection.run(
    `CREATE OR REPLACE VIEW ${sqlIdent(name)} AS SELECT * FROM read_parquet([${list}], union_by_name = true)`,
  );
  return paths;
}

/**
 * Creates the view `name` over the current snapshot of catalog table `table`, and returns that
 * snapshot (undefined for an empty table) so the job can record exactly what it read.
 *
 * @example
 * const read = await createTableView(duck.connection, 'transactions', { catalog, store, table: 'transactions' });
 */
export async function createTableView(
  connection: DuckDBConnection,
  name: string,
  source: { catalog: Catalog; store: ObjectStore; table: string; emptyColumns?: EmptyColumns },
): Promise<Snapshot | undefined> {
  const snapshot = await source.catalog.currentSnapshot(source.table);
  await createParquetView(connection, name, snapshot?.files ?? [], source.store, source.emptyColumns);
  return snapshot;
}

/**
 * A new, never-reused key for a data file of `table`: `tables/<table>/<UTC time>-<random>.parquet`.
 * Keys sort by creation time, so a table's files list (and are read) in the order they were written.
 */
export function newTableFileKey(table: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `tables/${table}/${stamp}-${randomUUID().slice(0, 8)}.parquet`;
}

export interface WriteParquetOptions {
  /** A DATE or TIMESTAMP column whose range is recorded (for overlap checks and pruning). */
  readonly dateColumn?: string;
  /** Folder for the temporary Parquet file (default: the system temp folder). */
  readonly tempDirectory?: string;
  /** The range, when the writer knows it already: recorded as is, without reading the file back. */
  readonly dateRange?: { readonly dateMin: string; readonly dateMax: string };
}

/**
 * Writes the result of `query` as one Parquet file (zstd) to a temporary file, then puts it in the
 * object store under `key`, which must be new. Returns the entry a catalog commit needs. Nothing is
 * visible to readers until that commit; if the process dies first, the object is an orphan.
 *
 * @example
 * const file = await writeQueryToStore(duck.connection, 'SELECT * FROM staged ORDER BY ALL', store,
 *   newTableFileKey('transactions'), { dateColumn: 'fecha' });
 * await catalog.commit({ operation: 'ingest', tables: [{ table: 'transactions', mode: 'append', add: [file] }] });
 */
export async function writeQueryToStore(
  connection: DuckDBConnection,
  query: string,
  store: ObjectStore,
  key: string,
  options: WriteParquetOptions = {},
): Promise<NewFile> {
  const temp = path.join(options.tempDirectory ?? tmpdir(), `sodai-${randomUUID()}.parquet`);
  try {
    const copied = await connection.runAndReadAll(
      `COPY (${query}) TO ${sqlString(temp)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const rows = Number(copied.getRows()[0]?.[0] ?? 0);
    let dates: { dateMin?: string; dateMax?: string } = rows > 0 ? { ...options.dateRange } : {};
    if (options.dateRange === undefined && options.dateColumn !== undefined && rows > 0) {
      const column = sqlIdent(options.dateColumn);
      const [range] = await queryRows(
        connection,
        `SELECT min(${column})::DATE::VARCHAR AS lo, max(${column})::DATE::VARCHAR AS hi FROM read_parquet(${sqlString(temp)})`,
      );
      if (typeof range?.lo === 'string' && typeof range.hi === 'string')
        dates = { dateMin: range.lo, dateMax: range.hi };
    }
    const put = await store.putFile(key, temp, { ifAbsent: true });
    if (!put.created) {
      throw new StoreError(
        'DUPLICATE_FILE',
        `${store.url}/${key} already exists: data files are never overwritten`,
      );
    }
    return Object.freeze({ key, contentHash: put.contentHash, rows, bytes: put.bytes, ...dates });
  } finally {
    rmSync(temp, { force: true });
  }
}
