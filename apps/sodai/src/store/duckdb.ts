import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { SodaiError } from '../errors.ts';

/** Quotes a value as a SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (column names such as `X` and `Y` keep their case). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export type TabularFormat = 'parquet' | 'csv';

export function formatOf(file: string): TabularFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.parquet' || ext === '.pq') return 'parquet';
  if (ext === '.csv') return 'csv';
  throw new SodaiError(
    'FILE_UNREADABLE',
    `${file}: unsupported file type "${ext}" (expected .parquet or .csv)`,
  );
}

/** A table function that reads a Parquet or CSV file. */
export function readFileSql(file: string): string {
  return formatOf(file) === 'parquet'
    ? `read_parquet(${sqlString(file)})`
    : `read_csv(${sqlString(file)}, header = true, auto_detect = true)`;
}

export interface DuckDb {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * Every DuckDB the app opens: extensions are never fetched from the network nor loaded behind a
 * query's back (a `read_parquet('s3://…')` must not download httpfs at run time), and file contents
 * are not cached twice.
 */
export const DUCKDB_DEFAULT_OPTIONS: Readonly<Record<string, string>> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  // DuckDB only ever reads local files here (objects are made local by ObjectStore.localPath), which
  // the OS already caches; its own copy of every file read stays in the buffer pool until memory runs
  // short: the server's prediction log grew it ~45 KB a write (16 MB after 1,000 writes, 0 without).
  enable_external_file_cache: 'false',
};

/** Opens (creating if needed) a DuckDB database file, or an in-memory one for ':memory:'. */
export async function openDuckDb(file: string, options: Record<string, string> = {}): Promise<DuckDb> {
  const instance = await DuckDBInstance.create(file, { ...DUCKDB_DEFAULT_OPTIONS, ...options });
  const connection = await instance.connect();
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs a query and returns its rows as plain JS objects (BIGINT → bigint, DATE → DuckDBDateValue…). */
export async function queryRows(
  connection: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** Runs a query that returns one number. */
export async function queryNumber(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  const value = reader.getRows()[0]?.[0];
  if (value === null || value === undefined) return 0;
  return Number(value);
}
