import { performance } from 'node:perf_hooks';
import type { Registry } from 'prom-client';
import { mirroredCounter } from '../monitor/server-metrics.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Collects the JS heap when the process's resident memory has grown by `growthMb` since the last
 * collection. DuckDB's query results live in native memory behind small JS wrappers that V8 does not
 * weigh: with a 50 MB heap a major collection can be a minute away, and until then every chat
 * question's result chunks (~200 KB) stay allocated. The soak grew the server from 275 MB to 910 MB
 * in five minutes, the JS heap flat; a collection every 200 questions kept it flat. After a
 * collection the allocator reuses the freed memory, so a steady load triggers few of them.
 *
 * @example
 * const governor = new NativeMemoryGovernor({ growthMb: 128 });
 * governor.start(); // checks every second; governor.stop() on close
 */
export class NativeMemoryGovernor {
  readonly #growthBytes: number;
  readonly #checkEveryMs: number;
  readonly #rss: () => number;
  readonly #collect: () => void;
  #baseline: number;
  #timer: NodeJS.Timeout | undefined;
  #collections = 0;
  #pauseMs = 0;

  constructor(options: {
    readonly growthMb: number;
    readonly checkEveryMs?: number;
    /** Resident set size in bytes (default `process.memoryUsage.rss`). */
    readonly rss?: () => number;
    /** A full collection (default V8's, exposed on first use). */
    readonly collect?: () => void;
  }) {
    this.#growthBytes = options.growthMb * 2 ** 20;
    this.#checkEveryMs = options.checkEveryMs ?? 1000;
    this.#rss = options.rss ?? (() => process.memoryUsage.rss());
    this.#collect = options.collect ?? fullCollection;
    this.#baseline = this.#rss();
  }

  /** Collections made so far. */
  get collections(): number {
    return this.#collections;
  }

  /** Time the event loop stood still in those collections (ms). */
  get pauseMs(): number {
    return this.#pauseMs;
  }

  /** One check: collects when resident memory grew by the threshold; returns whether it did. */
  check(): boolean {
    const rss = this.#rss();
    // Memory handed back to the system lowers the mark the next growth is measured from.
    if (rss < this.#baseline) this.#baseline = rss;
    if (rss - this.#baseline < this.#growthBytes) return false;
    const started = performance.now();
    this.#collect();
    this.#pauseMs += performance.now() - started;
    this.#collections++;
    this.#baseline = this.#rss();
    return true;
  }

  start(): void {
    this.#timer ??= setInterval(() => this.check(), this.#checkEveryMs).unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

let exposedGc: (() => void) | undefined;

/**
 * V8's full collection. Node offers no API for it without `--expose-gc` on the command line, which
 * neither `npm start` nor a supervisor's unit should have to know about: the flag can be set at run
 * time, and a new context then carries the `gc` function.
 */
function fullCollection(): void {
  if (!exposedGc) {
    setFlagsFromString('--expose-gc');
    exposedGc = runInNewContext('gc') as () => void;
  }
  exposedGc();
}

/** `sodai_memory_collections_total` and the pause they cost, so the governor's price is seen. */
export function registerGovernorMetrics(registry: Registry, governor: NativeMemoryGovernor): void {
  mirroredCounter(
    registry,
    'sodai_memory_collections_total',
    'full collections the native-memory governor ran (resident memory grew by its threshold)',
    () => governor.collections,
  );
  mirroredCounter(
    registry,
    'sodai_memory_collection_pause_seconds_total',
    'time the event loop stood still in those collections',
    () => governor.pauseMs / 1000,
  );
}
