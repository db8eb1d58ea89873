import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DbLane } from '../store/db-lane.ts';

export type SqlValue = string | number | boolean | null;
export type Row = Readonly<Record<string, unknown>>;

/**
 * The assistant's only way to read the distributor's data: read-only SQL (DuckDB dialect, `$1`
 * parameters) over the tables `customers`, `products`, `transactions`, `quarantine` and
 * `predictions` with the columns of the raw-table contract. Whatever stores the data (a DuckDB
 * file today, Parquet snapshots behind a catalog tomorrow) only has to expose those tables.
 * BIGINT columns may arrive as strings: callers cast to DOUBLE or VARCHAR in SQL.
 *
 * @example
 * const source = duckDbChatSource(new DbLane(store.connection));
 * const [row] = await source.query('SELECT count(*)::DOUBLE AS n FROM customers WHERE customer_type = $1', ['RESTAURANT']);
 */
export interface ChatDataSource {
  query(sql: string, params?: readonly SqlValue[]): Promise<readonly Row[]>;
  /** Names what the tables show now, when the source can tell: it changes whenever they do. */
  version?(): string;
}

/**
 * The store tables the assistant reads (see {@link ChatDataSource}): its cache is keyed by their
 * snapshots alone, so the prediction log's appends (one a second under load) do not empty it.
 */
export const CHAT_TABLES = ['customers', 'products', 'transactions', 'quarantine', 'predictions'] as const;

/** The data source over the DuckDB store, taking turns on the server's connection. */
export function duckDbChatSource(lane: DbLane): ChatDataSource {
  return {
    query: (sql, params = []) =>
      lane.run(async (c) => {
        const reader = await c.runAndReadAll(sql, params.length > 0 ? [...params] : undefined);
        return reader.getRowObjectsJson() as Row[];
      }),
  };
}

export interface SnapshotCacheOptions {
  /** Identifies what the tables show now: it must change whenever any of them changes. */
  readonly version: () => string;
  /** Rows kept in all (a result counts its rows, at least one). */
  readonly maxRows?: number;
}

/**
 * Answers a query asked again from memory while the tables are unchanged. The store's tables are
 * immutable snapshots that move once a week, and sales people ask the same questions over and over:
 * re-running each one cost the server DuckDB hash tables whose block handles DuckDB keeps long after
 * the query (`/chat` alone left 88 k of them, 17 MB, in a 90-second soak).
 *
 * @example
 * const data = snapshotCachedChatSource(duckDbChatSource(lane), { version: () => store.snapshotKey(CHAT_TABLES) });
 */
export function snapshotCachedChatSource(
  source: ChatDataSource,
  options: SnapshotCacheOptions,
): ChatDataSource {
  const cache = new LRUCache<string, readonly Row[]>({
    maxSize: options.maxRows ?? 5_000,
    sizeCalculation: (rows) => Math.max(1, rows.length),
  });
  return {
    version: options.version,
    async query(sql, params = []) {
      // Hashed: the statements run to kilobytes, and a key is kept as long as its rows.
      const key = createHash('sha256')
        .update(JSON.stringify([options.version(), sql, params]))
        .digest('base64');
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const rows = Object.freeze(await source.query(sql, params));
      cache.set(key, rows); // lru-cache keeps nothing larger than the whole cache
      return rows;
    },
  };
}
