import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { TuneDatabase } from './sql-schema.ts';
import { SqlStorage } from './sql-storage.ts';

export interface SqliteStorageOptions {
  /** How long a writer waits for another process's lock before failing. Default 10 000 ms. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a SQLite file as a study storage, in WAL mode so readers never block the writer
 * and several processes can run trials of one study.
 *
 * @example
 * const storage = await openSqliteStorage('.sodai/tune.db');
 * const study = await createStudy({ name: 'xgb', storage, loadIfExists: true });
 */
export async function openSqliteStorage(
  path: string,
  options: SqliteStorageOptions = {},
): Promise<SqlStorage> {
  const database = new Database(path);
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000))}`);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return SqlStorage.open(new Kysely<TuneDatabase>({ dialect: new SqliteDialect({ database }) }), {
    dialect: 'sqlite',
  });
}
