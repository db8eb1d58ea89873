import { mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DbLane } from '../store/db-lane.ts';
import { PREDICTION_LOG_TABLE } from '../store/prediction-log-table.ts';
import { newTableFileKey, writeQueryToStore } from '../store/parquet-table.ts';
import { compactPredictionLog, utcDayRange } from './prediction-log-compaction.ts';
import type { RawStore } from '../store/raw-store.ts';

export { PREDICTION_LOG_TABLE };

export type LoggedRoute = 'predict' | 'recommend';

export interface PredictionLogOptions {
  /**
   * Flush when this many rows wait (default 5000): a busy server then writes about once a second,
   * where 500 made it write three times a second under bulk scoring (each write a file and a commit).
   */
  readonly maxBatch?: number;
  /** Flush at least this often (default 1000 ms). */
  readonly flushIntervalMs?: number;
  /**
   * Same-day log files of one size tier merged into one once this many exist (default 16; see
   * `pickCompaction`); 0 never merges.
   */
  readonly compactionFanIn?: number;
  /** Rows kept at most while the database is slow; later rows are dropped and counted. */
  readonly maxBuffered?: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

/**
 * A log line is under 200 bytes: without these DuckDB sizes its reading buffers for 2 MB lines and
 * allocates 32 MB twice for every batch file it reads (heaptrack on the soak's server: 476 such
 * allocations in 4 minutes, the largest native allocation the server made).
 */
const SMALL_CSV_BUFFERS = 'max_line_size = 4096, buffer_size = 1048576';

/**
 * The prediction log: answers are recorded in memory (columnar arrays, no per-row objects) and
 * written in batches — every second or every 5,000 rows, one write at a time (rows arriving meanwhile
 * join the next batch) — as one Parquet segment that DuckDB writes off the event loop, appended to
 * the catalog table `prediction_log`. If the store falls behind, the buffer is capped and the
 * overflow is counted in `dropped` rather than growing without bound.
 *
 * @example
 * const log = await PredictionLog.open(lane, store);
 * log.record('predict', 1, 2, 0.7, true, 0, 3, 0.4);
 * await log.close(); // flushes
 */
export class PredictionLog {
  #time: number[] = [];
  #route: LoggedRoute[] = [];
  #customer: number[] = [];
  #product: number[] = [];
  #score: number[] = [];
  #decision: number[] = [];
  #rank: number[] = [];
  #version: number[] = [];
  #latency: number[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #scheduled = false;
  #closed = false;
  #batches = 0;
  /** Private folder for the batch files DuckDB reads. */
  readonly #dir = mkdtempSync(path.join(tmpdir(), 'sodai-prediction-log-'));
  dropped = 0;
  written = 0;
  /** Merges of small log files made so far. */
  compactions = 0;
  readonly #maxBatch: number;
  readonly #maxBuffered: number;
  readonly #now: () => number;

  private constructor(
    private readonly lane: DbLane,
    private readonly store: RawStore,
    private readonly options: PredictionLogOptions,
  ) {
    this.#maxBatch = options.maxBatch ?? 5000;
    this.#maxBuffered = options.maxBuffered ?? 200_000;
    this.#now = options.now ?? Date.now;
    this.#timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.#timer.unref();
  }

  /** Starts the periodic flush; `lane` runs on `store`'s connection. */
  static async open(
    lane: DbLane,
    store: RawStore,
    options: PredictionLogOptions = {},
  ): Promise<PredictionLog> {
    return new PredictionLog(lane, store, options);
  }

  get pending(): number {
    return this.#time.length;
  }

  /** Records one answered pair. `decision` -1 when the route made none; `rank` 0 when unranked. */
  record(
    route: LoggedRoute,
    customerId: number,
    productId: number,
    score: number,
    decision: boolean | null,
    rank: number,
    modelVersion: number,
    latencyMs: number,
  ): void {
    if (this.#closed || this.#time.length >= this.#maxBuffered) {
      this.dropped++;
      return;
    }
    this.#time.push(this.#now());
    this.#route.push(route);
    this.#customer.push(customerId);
    this.#product.push(productId);
    this.#score.push(score);
    this.#decision.push(decision === null ? -1 : decision ? 1 : 0);
    this.#rank.push(rank);
    this.#version.push(modelVersion);
    this.#latency.push(latencyMs);
    if (this.#time.length >= this.#maxBatch && !this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        // After close the database may be gone: close() already wrote what was buffered.
        if (!this.#closed) void this.flush();
      });
    }
  }

  /** Writes what is buffered; resolves when it is in the table. */
  flush(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#flushing) return this.#flushing.then(() => (this.pending ? this.flush() : undefined));
    if (this.pending === 0) return Promise.resolve();
    const batch = this.#take();
    this.#flushing = this.lane
      .run(async (c) => {
        // DuckDB's appender flushes synchronously, blocking the event loop (~20 µs a row); VALUES
        // lists are slow to parse. A CSV of the batch read by one INSERT costs ~3 µs a row here
        // and DuckDB does the rest on its own threads.
        const num = (v: number) => (Number.isFinite(v) ? String(v) : '');
        let csv = '';
        for (let i = 0; i < batch.time.length; i++) {
          const d = batch.decision[i]!;
          const rank = batch.rank[i]!;
          csv +=
            `${Math.trunc(batch.time[i]!)},${batch.route[i]},${num(batch.customer[i]!)},${num(batch.product[i]!)},` +
            `${num(batch.score[i]!)},${d < 0 ? '' : d === 1 ? 'true' : 'false'},${rank > 0 ? rank : ''},` +
            `${num(batch.version[i]!)},${num(batch.latency[i]!)}\n`;
        }
        const file = path.join(this.#dir, `batch-${this.#batches++}.csv`);
        await writeFile(file, csv);
        try {
          const segment = await writeQueryToStore(
            c,
            `SELECT epoch_ms(t) AS logged_at, route, c AS customer_id, p AS product_id, s AS score,
                    d AS will_buy, r AS rank, v AS model_version, l AS latency_ms FROM read_csv(
            '${file}', header = false, auto_detect = false, delim = ',', ${SMALL_CSV_BUFFERS},
            columns = {'t': 'BIGINT', 'route': 'VARCHAR', 'c': 'BIGINT', 'p': 'BIGINT', 's': 'DOUBLE',
                       'd': 'BOOLEAN', 'r': 'INTEGER', 'v': 'INTEGER', 'l': 'DOUBLE'})`,
            this.store.shared.objects,
            newTableFileKey(PREDICTION_LOG_TABLE),
            { tempDirectory: this.#dir, dateRange: utcDayRange(batch.time) },
          );
          // Appends commute: no parent, so the server never conflicts with another writer.
          await this.store.commit({
            operation: 'log',
            tables: [{ table: PREDICTION_LOG_TABLE, mode: 'append', add: [segment] }],
          });
        } finally {
          await rm(file, { force: true });
        }
        this.written += batch.time.length;
      })
      .catch((error: unknown) => {
        this.dropped += batch.time.length;
        this.options.onError?.(error);
      })
      .then(() => this.#compact())
      .finally(() => {
        this.#flushing = undefined;
      });
    return this.#flushing;
  }

  /**
   * One merge of the log's small files when one is due, after a flush and before the next: the
   * log's own writes stay one at a time, so the snapshot it merges from is the one it last wrote.
   */
  async #compact(): Promise<void> {
    const fanIn = this.options.compactionFanIn ?? 16;
    if (fanIn < 2) return;
    try {
      const merged = await compactPredictionLog(this.store, {
        fanIn,
        tempDirectory: this.#dir,
        commit: (change) => this.lane.run(() => this.store.commit(change)),
      });
      if (merged) this.compactions++;
    } catch (error) {
      // Nothing is lost: the segments stay in the table and the next flush tries again.
      this.options.onError?.(error);
    }
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    while (this.#flushing || this.pending > 0) await this.flush();
    this.#closed = true;
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #take() {
    const batch = {
      time: this.#time,
      route: this.#route,
      customer: this.#customer,
      product: this.#product,
      score: this.#score,
      decision: this.#decision,
      rank: this.#rank,
      version: this.#version,
      latency: this.#latency,
    };
    this.#time = [];
    this.#route = [];
    this.#customer = [];
    this.#product = [];
    this.#score = [];
    this.#decision = [];
    this.#rank = [];
    this.#version = [];
    this.#latency = [];
    return batch;
  }
}
