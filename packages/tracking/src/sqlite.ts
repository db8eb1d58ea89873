import { openSqliteKysely } from '@sodai/sql';
import { KyselyTrackingStore } from './store/kysely-store.ts';
import { migrateToLatest } from './store/migrate.ts';
import type { Database } from './store/schema.ts';

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock before failing (default 30 s). */
  readonly busyTimeoutMs?: number;
  /** Clock for timestamps (epoch ms); tests inject one. */
  readonly now?: () => number;
}

/**
 * Opens (creating if needed) a SQLite tracking database and applies pending migrations. WAL mode and
 * a busy timeout let several processes log to one file at once.
 *
 * @example
 * import { openSqliteStore } from '@sodai/tracking';
 * const store = await openSqliteStore('.sodai/tracking.db');
 * const exp = await store.ensureExperiment('weekly');
 * await store.close();
 */
export async function openSqliteStore(
  path: string,
  options: SqliteStoreOptions = {},
): Promise<KyselyTrackingStore> {
  const db = openSqliteKysely<Database>(
    path,
    options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {},
  );
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyTrackingStore(db, { dialect: 'sqlite', ...(options.now ? { now: options.now } : {}) });
}
