import type { RunRecord, RunStore } from '@sodai/pipeline';
import type { TrackingClient } from '@sodai/tracking';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { DataPaths } from '../config/load-config.ts';
import type { RawStore } from '../store/raw-store.ts';
import { ChampionCache } from './champion-cache.ts';

/**
 * What the weekly flow's tasks need. Each task opens its own snapshot store (its own in-memory
 * DuckDB over the catalog) and closes it, so a task never shares a connection with the server or
 * another task; the tracking client may be shared within a process.
 */
export interface FlowEnv {
  readonly config: SodaiConfig;
  readonly paths: DataPaths;
  withStore<T>(work: (store: RawStore) => Promise<T>): Promise<T>;
  withTracking<T>(work: (tracking: TrackingClient) => Promise<T>): Promise<T>;
  /** Tells serving that the champion or the predictions changed (in-process reload or HTTP). */
  notifyServing?(): Promise<string>;
  /** The champion's booster, loaded once per version in this process. */
  readonly champions: ChampionCache;
  /** Called when a run this process drove ends (alerts read its outcome here). */
  onRunFinished?(run: RunRecord, runs: RunStore): Promise<void>;
}

export interface FlowEnvSources {
  readonly config: SodaiConfig;
  readonly paths: DataPaths;
  openStore(): Promise<RawStore>;
  openTracking(): Promise<TrackingClient>;
  /**
   * Shared instances: used as they are and never closed by a task. A shared store is only for a
   * process whose tasks run one at a time and that serves nothing (replay, benchmarks, tests).
   */
  readonly store?: RawStore;
  readonly tracking?: TrackingClient;
  readonly notifyServing?: () => Promise<string>;
  readonly onRunFinished?: (run: RunRecord, runs: RunStore) => Promise<void>;
}

export function createFlowEnv(sources: FlowEnvSources): FlowEnv {
  return {
    config: sources.config,
    paths: sources.paths,
    champions: new ChampionCache(),
    async withStore(work) {
      if (sources.store) return work(sources.store);
      const store = await sources.openStore();
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    },
    async withTracking(work) {
      if (sources.tracking) return work(sources.tracking);
      const tracking = await sources.openTracking();
      try {
        return await work(tracking);
      } finally {
        await tracking.close();
      }
    },
    ...(sources.notifyServing ? { notifyServing: sources.notifyServing } : {}),
    ...(sources.onRunFinished ? { onRunFinished: sources.onRunFinished } : {}),
  };
}
