import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
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
import { KyselyRunStore } from './kysely-run-store.ts';
import { migrateRunStore } from './migrations/index.ts';
import type { PipelineDatabase } from './schema.ts';

export interface SqliteRunStoreOptions {
  /** How long a writer waits for another process's write lock (default 30 s). */
  readonly busyTimeoutMs?: number;
  readonly now?: () => number;
}

/**
 * BEGIN IMMEDIATE takes the write lock up front, where busy_timeout applies. A deferred BEGIN that
 * reads then writes can fail with SQLITE_BUSY when a worker process committed in between.
 */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite runs DDL in transactions; saying so lets the Migrator serialize two processes opening a new file. */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

/**
 * Opens (creating if needed) a SQLite run store in WAL mode, so an orchestrator and BullMQ workers
 * on the same machine can share the file.
 *
 * @example
 * import { openSqliteRunStore } from '@sodai/pipeline';
 * const store = await openSqliteRunStore('.sodai/pipeline.db');
 * console.log(await store.listRuns({ dagId: 'weekly', limit: 5 }));
 * await store.close();
 */
export async function openSqliteRunStore(
  path: string,
  options: SqliteRunStoreOptions = {},
): Promise<KyselyRunStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const busy = Math.trunc(options.busyTimeoutMs ?? 30_000);
  const sqlite = new BetterSqlite3(path, { timeout: busy });
  sqlite.pragma(`busy_timeout = ${busy}`);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<PipelineDatabase>({ dialect: new ImmediateDialect({ database: sqlite }) });
  try {
    await migrateRunStore(db as Kysely<unknown>, 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyRunStore(db, options.now ? { now: options.now } : {});
}
