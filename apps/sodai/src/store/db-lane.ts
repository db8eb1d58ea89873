import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * One DuckDB connection used by one caller at a time. A connection runs one statement at a time
 * and a new statement closes a streaming result still being read, so the server's readers
 * (snapshot loads, read APIs, chat) and the prediction log's writer take turns here.
 *
 * @example
 * const lane = new DbLane(store.connection);
 * const n = await lane.run((c) => queryNumber(c, 'SELECT count(*) FROM customers'));
 */
export class DbLane {
  #tail: Promise<unknown> = Promise.resolve();

  constructor(readonly connection: DuckDBConnection) {}

  /** Runs `work` after every earlier call finished (whether it succeeded or not). */
  run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.#tail.then(
      () => work(this.connection),
      () => work(this.connection),
    );
    this.#tail = next.catch(() => undefined);
    return next;
  }
}
