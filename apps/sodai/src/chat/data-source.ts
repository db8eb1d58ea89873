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
}

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
