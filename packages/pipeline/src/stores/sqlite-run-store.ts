import type { Kysely } from 'kysely';
import { openSqliteKysely } from '@sodai/sql';
import { KyselyRunStore } from './kysely-run-store.ts';
import { migrateRunStore } from './migrations/index.ts';
import type { PipelineDatabase } from './schema.ts';

export interface SqliteRunStoreOptions {
  /** How long a writer waits for another process's write lock (default 30 s). */
  readonly busyTimeoutMs?: number;
  readonly now?: () => number;
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
  const db = openSqliteKysely<PipelineDatabase>(
    path,
    options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {},
  );
  try {
    await migrateRunStore(db as Kysely<unknown>, 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyRunStore(db, options.now ? { now: options.now } : {});
}
