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
  readonly #onSuccess = new Set<() => void>();

  constructor(readonly connection: DuckDBConnection) {}

  /** Runs `work` after every earlier call finished (whether it succeeded or not). */
  run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.#tail.then(
      () => work(this.connection),
      () => work(this.connection),
    );
    this.#tail = next.catch(() => undefined);
    void next.then(
      () => {
        for (const notify of this.#onSuccess) notify();
        this.#onSuccess.clear();
      },
      () => undefined,
    );
    return next;
  }

  /**
   * Whether the connection answers, without waiting behind a long queue: resolves as soon as a
   * `SELECT 1` run through the lane or any other call already queued succeeds, and rejects when
   * the `SELECT 1` fails (a database invalidated by a full disk fails every statement). A busy
   * lane is a working one; only a lane where nothing succeeds is broken.
   */
  async answers(probe: (connection: DuckDBConnection) => Promise<unknown>): Promise<void> {
    let notify: (() => void) | undefined;
    const other = new Promise<void>((resolve) => {
      notify = resolve;
      this.#onSuccess.add(resolve);
    });
    try {
      await Promise.race([this.run(probe), other]);
    } finally {
      this.#onSuccess.delete(notify!);
    }
  }
}
