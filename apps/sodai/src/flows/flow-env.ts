import type { TrackingClient } from '@sodai/tracking';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { DataPaths } from '../config/load-config.ts';
import type { RawStore } from '../store/raw-store.ts';
import { ChampionCache } from './champion-cache.ts';

/**
 * What the weekly flow's tasks need. In one process (`npm start`, `sodai run weekly`) the store and
 * tracking client are shared with the server; in a `sodai worker` each task opens and closes them,
 * because DuckDB lets one process at a time hold the store file.
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
}

export interface FlowEnvSources {
  readonly config: SodaiConfig;
  readonly paths: DataPaths;
  openStore(): Promise<RawStore>;
  openTracking(): Promise<TrackingClient>;
  /** Shared instances: used as they are and never closed by a task. */
  readonly store?: RawStore;
  readonly tracking?: TrackingClient;
  readonly notifyServing?: () => Promise<string>;
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
  };
}
