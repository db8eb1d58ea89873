import { isTrackingError, type TrackingClient } from '@sodai/tracking';
import { CHAMPION, MODEL_NAME } from '../model/registry.ts';
import type { ModelSettings } from '../config/config-schema.ts';
import type { DbLane } from '../store/db-lane.ts';
import type { Catalog } from '../store/catalog/catalog.ts';
import { latestRulePredictions } from './stored-rule.ts';
import { loadServingModel, type NotServable, type ServingModel } from './serving-model.ts';

/**
 * Where snapshots come from. The default reads the registry's champion; tests and embedders may
 * supply their own.
 */
export interface ModelProvider {
  /** The version the champion alias points at now (null when none), cheap enough to poll. */
  championVersion(): Promise<number | null>;
  /**
   * Identifies the rule predictions that serve while there is no champion (null: none), cheap
   * enough to poll; absent when the provider never serves a rule.
   */
  ruleKey?(): Promise<string | null>;
  /**
   * Identifies the newest stored predictions of model `version` (null: none), cheap enough to poll:
   * when it moves, the champion predicted a new week (or re-predicted one) and the snapshot is stale.
   */
  predictionsKey?(version: number): Promise<string | null>;
  /** Builds a full snapshot of the current champion (or the stand-in rule), or says why it cannot. */
  load(): Promise<ServingModel | NotServable>;
}

/** The registry-backed provider. */
export function registryModelProvider(
  lane: DbLane,
  tracking: TrackingClient,
  settings: ModelSettings,
  now?: () => Date,
  /** Re-reads the store's snapshots before each load (the server's snapshot store). */
  refresh?: () => Promise<void>,
  /** Where a rule's stored predictions are described, for serving while no model passed the gate. */
  catalog?: Catalog,
): ModelProvider {
  return {
    async ruleKey() {
      return catalog ? ((await latestRulePredictions(catalog))?.key ?? null) : null;
    },
    predictionsKey: catalog ? (version) => newestPredictionsKey(catalog, version) : undefined,
    async championVersion() {
      try {
        return (await tracking.registry.getAlias(MODEL_NAME, CHAMPION)).version;
      } catch (error) {
        if (isTrackingError(error, 'ALIAS_NOT_FOUND', 'MODEL_NOT_FOUND')) return null;
        throw error;
      }
    },
    load: () =>
      loadServingModel(
        lane,
        tracking,
        settings,
        now,
        refresh,
        catalog ? () => latestRulePredictions(catalog) : undefined,
      ),
  };
}

/** How far back a version's newest predictions are looked for (a rule or another version may follow). */
const PREDICTION_COMMITS_SEARCHED = 20;

async function newestPredictionsKey(catalog: Catalog, version: number): Promise<string | null> {
  const commits = await catalog.history('predictions', PREDICTION_COMMITS_SEARCHED);
  return commits.find((commit) => commit.summary.modelVersion === version)?.id ?? null;
}

export interface ReloadOutcome {
  /** The version serving now (null when none). */
  readonly version: number | null;
  readonly swapped: boolean;
  readonly reason?: string;
}

export interface ModelHolderOptions {
  /** How often the champion alias is checked; 0 turns polling off. */
  readonly pollIntervalMs?: number;
  readonly onSwap?: (next: ServingModel, previous: ServingModel | undefined) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Holds the snapshot answers are computed from and replaces it atomically: a new snapshot is built
 * completely beside the current one, then one reference assignment swaps them, and the old one is
 * retired (its native memory freed once the last request holding it releases it). Requests never
 * see a half-built model, so none fails during a swap. Reloads are serialized.
 *
 * @example
 * const holder = new ModelHolder(registryModelProvider(lane, tracking, config.model), { pollIntervalMs: 5000 });
 * await holder.reload();
 * holder.start();
 * const model = holder.current()?.acquire();
 * try { model?.predict(1, 2, 'es'); } finally { model?.release(); }
 */
export class ModelHolder {
  #current: ServingModel | undefined;
  #reason = 'loading';
  #queue: Promise<unknown> = Promise.resolve();
  /** The reload queued behind the running one, which every further request joins. */
  #pending: Promise<ReloadOutcome> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #polling = false;
  /** Whether a load has finished (served, found nothing to serve, or failed). */
  #settled = false;
  /** The champion's predictions the current snapshot was loaded from (undefined: not known). */
  #servedPredictionsKey: string | null | undefined;

  constructor(
    readonly provider: ModelProvider,
    readonly options: ModelHolderOptions = {},
  ) {}

  /** The snapshot serving now, or undefined before the first model loads. */
  current(): ServingModel | undefined {
    return this.#current;
  }

  /** True until the first load has finished, whatever it found: nothing serves yet, but soon may. */
  get loading(): boolean {
    return this.#current === undefined && !this.#settled;
  }

  /** Why nothing is served (when `current()` is undefined). */
  get reason(): string {
    return this.#reason;
  }

  /**
   * Builds a snapshot of the current champion and swaps it in; resolves once the new snapshot
   * serves. Call it after a promotion or after new predictions were written. Requests coalesce: at
   * most one load runs and one waits; a request made while one waits shares its outcome (that load
   * starts after the request, so it sees whatever the request wanted reloaded).
   */
  reload(): Promise<ReloadOutcome> {
    if (this.#pending) return this.#pending;
    const next = this.#queue.then(() => {
      this.#pending = undefined;
      return this.#load();
    });
    this.#pending = next;
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Checks the alias once and reloads when it points elsewhere than the served version; while there
   * is no champion, reloads when the stand-in rule predicted a new week.
   */
  async poll(): Promise<ReloadOutcome> {
    const version = await this.provider.championVersion();
    const current = this.#current;
    if (version !== null) {
      if (current?.servedBy.kind === 'model' && version === current.version) {
        // Another process (the CLI, a worker) may have predicted a new week with the same champion.
        const key = (await this.provider.predictionsKey?.(version)) ?? null;
        if (key === null || key === this.#servedPredictionsKey) return { version, swapped: false };
      }
      return this.reload();
    }
    const ruleKey = (await this.provider.ruleKey?.()) ?? null;
    if (ruleKey === null || (current && current.ruleKey === ruleKey)) {
      if (!current) this.#reason = 'no champion model in the registry yet: run `sodai run weekly`';
      return {
        version: current?.version ?? null,
        swapped: false,
        ...(current ? {} : { reason: this.#reason }),
      };
    }
    return this.reload();
  }

  /** Starts polling the alias. */
  start(): void {
    const every = this.options.pollIntervalMs ?? 5000;
    if (every <= 0 || this.#timer || this.#closed) return;
    this.#timer = setInterval(() => {
      if (this.#polling) return;
      this.#polling = true;
      this.poll()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.#polling = false;
        });
    }, every);
    this.#timer.unref();
  }

  /** Stops polling, waits for a reload in progress, and retires the current snapshot. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#queue;
    this.#current?.retire();
    this.#current = undefined;
  }

  async #load(): Promise<ReloadOutcome> {
    if (this.#closed) return { version: null, swapped: false, reason: 'closed' };
    // Read before the load: predictions committed during it make the next poll load again.
    const champion = this.provider.predictionsKey ? await this.provider.championVersion() : null;
    const key = champion === null ? null : ((await this.provider.predictionsKey?.(champion)) ?? null);
    const loaded = await this.provider.load().finally(() => {
      this.#settled = true;
    });
    if (!('predict' in loaded)) {
      // Keep serving what we have: an unservable champion must not take the service down.
      if (!this.#current) this.#reason = loaded.reason;
      return { version: this.#current?.version ?? null, swapped: false, reason: loaded.reason };
    }
    if (this.#closed) {
      loaded.retire();
      return { version: null, swapped: false, reason: 'closed' };
    }
    const previous = this.#current;
    this.#current = loaded;
    this.#servedPredictionsKey = loaded.version === champion ? key : undefined;
    previous?.retire();
    this.options.onSwap?.(loaded, previous);
    return { version: loaded.version, swapped: true };
  }
}
