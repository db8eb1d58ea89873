import { openSqliteKysely } from '@sodai/sql';
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
  const db = openSqliteKysely<TuneDatabase>(path, { busyTimeoutMs: options.busyTimeoutMs ?? 10_000 });
  return SqlStorage.open(db, { dialect: 'sqlite' });
}
