/** One thing the server needs to answer: checked by running a cheap real operation on it. */
export interface DependencyProbe {
  readonly name: string;
  check(): Promise<void>;
  /**
   * False when restarting the process cannot cure this failure (a read-only folder): it makes the
   * server not ready but never counts toward {@link Readiness.failingForMs}, or a supervisor would
   * restart it in a loop. Default true.
   */
  readonly restartHelps?: boolean;
}

export interface ReadinessStatus {
  readonly ok: boolean;
  /** `<name>: <why>` for each dependency that failed its check. */
  readonly failures: readonly string[];
}

export interface ReadinessOptions {
  /** A check slower than this counts as failed (a hung database is as bad as a broken one). */
  readonly timeoutMs?: number;
  /** How long a result is reused: /ready polled by many probes costs one check. */
  readonly cacheMs?: number;
  readonly now?: () => number;
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether the store, the catalog and the registry can serve now, by asking each of them. Remembers
 * since when they have been failing, so a watchdog can stop a process that cannot recover by itself
 * (a DuckDB invalidated by a full disk stays broken until restarted) and let its supervisor restart it.
 *
 * @example
 * const readiness = new Readiness([{ name: 'catalog', check: async () => void (await catalog.currentSnapshot('transactions')) }]);
 * const { ok, failures } = await readiness.status();
 */
export class Readiness {
  #last: { at: number; status: ReadinessStatus } | undefined;
  #running: Promise<ReadinessStatus> | undefined;
  #failingSince: number | undefined;

  constructor(
    private readonly probes: readonly DependencyProbe[],
    private readonly options: ReadinessOptions = {},
  ) {}

  /** The latest status (at most `cacheMs` old); concurrent callers share one check. */
  async status(): Promise<ReadinessStatus> {
    const now = this.#now();
    const cached = this.#last;
    if (cached && now - cached.at >= 0 && now - cached.at < (this.options.cacheMs ?? 1000))
      return cached.status;
    this.#running ??= this.#check().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** How long dependencies a restart could cure have failed without a success in between (0: they are fine). */
  failingForMs(): number {
    return this.#failingSince === undefined ? 0 : Math.max(0, this.#now() - this.#failingSince);
  }

  async #check(): Promise<ReadinessStatus> {
    const timeoutMs = this.options.timeoutMs ?? 2000;
    const results = await Promise.all(
      this.probes.map(async (probe) => {
        try {
          await withTimeout(probe.check(), timeoutMs);
          return undefined;
        } catch (error) {
          return {
            failure: `${probe.name}: ${String((error as Error).message ?? error).split('\n')[0]}`,
            restartHelps: probe.restartHelps ?? true,
          };
        }
      }),
    );
    const failed = results.filter((r) => r !== undefined);
    const failures = failed.map((r) => r.failure);
    const now = this.#now();
    if (failed.some((r) => r.restartHelps)) this.#failingSince ??= now;
    else this.#failingSince = undefined;
    const status = { ok: failures.length === 0, failures };
    this.#last = { at: now, status };
    return status;
  }

  #now(): number {
    return (this.options.now ?? Date.now)();
  }
}
