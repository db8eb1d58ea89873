import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DialectAdapter,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
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
 * Every transaction begins IMMEDIATE: it takes the write lock at BEGIN, where busy_timeout makes it
 * wait. A deferred BEGIN that reads and then writes can instead fail with SQLITE_BUSY when another
 * process committed in between, and no timeout helps there.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite does run DDL inside transactions; Kysely's adapter says it does not, so its Migrator would
 * run migrations outside any transaction and two processes opening a new file could both apply them.
 * Saying yes makes the Migrator wrap them in one (IMMEDIATE) transaction: the second process waits,
 * then sees them applied.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
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
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: options.busyTimeoutMs ?? 30_000 });
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 30_000)}`);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyTrackingStore(db, { dialect: 'sqlite', ...(options.now ? { now: options.now } : {}) });
}
