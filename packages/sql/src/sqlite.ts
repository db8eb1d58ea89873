import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

export interface SqliteKyselyOptions {
  /** How long a writer waits for another process's write lock before failing (default 30 s). */
  readonly busyTimeoutMs?: number;
  /**
   * The connection's page cache, in KiB (default 2,000: SQLite's own default). better-sqlite3 builds
   * SQLite with 16,000, and a long-lived process holding several of these metadata and log databases
   * filled each cache with pages it wrote once and never read again (the server holds five).
   */
  readonly cacheSizeKiB?: number;
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
 * Opens (creating the folder and file if needed) a SQLite database that several processes can write
 * at once: WAL, a busy timeout, IMMEDIATE transactions, foreign keys on.
 *
 * @example
 * import { openSqliteKysely } from '@sodai/sql';
 * const db = openSqliteKysely<MyTables>('.sodai/app.db');
 * await db.destroy();
 */
export function openSqliteKysely<DB>(path: string, options: SqliteKyselyOptions = {}): Kysely<DB> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const busy = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 30_000));
  const sqlite = new (loadBetterSqlite3())(path, { timeout: busy });
  sqlite.pragma(`busy_timeout = ${busy}`);
  useWriteAheadLog(sqlite, busy);
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = -${Math.max(1, Math.trunc(options.cacheSizeKiB ?? 2000))}`);
  return new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
}

/**
 * Switching a new file to WAL needs its exclusive lock, and SQLite answers SQLITE_BUSY at once,
 * without calling the busy handler, while another connection holds a write lock on it in the old
 * journal mode: two `sodai worker` processes creating the same run store failed so. Retrying within
 * the busy timeout makes the later opener wait for the first one's transaction instead.
 */
function useWriteAheadLog(sqlite: BetterSqlite3.Database, busyTimeoutMs: number): void {
  const giveUpAt = Date.now() + busyTimeoutMs;
  for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= giveUpAt) throw err;
      // Opening is synchronous (better-sqlite3 is), so the pause is too.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
    }
  }
}

/**
 * better-sqlite3 is an optional peer (a native module): loaded only when a SQLite database opens, so
 * Postgres-only users need not install it, and a missing install says what to do.
 */
function loadBetterSqlite3(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (err) {
    if ((err as { code?: string }).code !== 'MODULE_NOT_FOUND') throw err;
    throw new Error(
      'SQLite storage needs better-sqlite3, an optional peer of @sodai/sql: npm install better-sqlite3',
    );
  }
}
