import { loadConfig, dataPaths, type DataPaths, type ResolvedConfig } from '../config/load-config.ts';
import { RawStore } from '../data/raw-store.ts';
import type { BatchIngestOptions } from '../data/load-data.ts';
import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';

export interface AppContext {
  readonly resolved: ResolvedConfig;
  readonly paths: DataPaths;
  openStore(): Promise<RawStore>;
  /** Experiment tracking and the model registry: SQLite in the data folder, or Postgres by DATABASE_URL. */
  openTracking(): Promise<TrackingClient>;
  ingestOptions(overrides?: { asOf?: string }): BatchIngestOptions;
}

/** What every command needs: the validated configuration and the paths derived from it. */
export function appContext(configFile?: string): AppContext {
  const resolved = loadConfig(configFile ? { file: configFile } : {});
  const paths = dataPaths(resolved.config);
  return {
    resolved,
    paths,
    openStore: () => RawStore.open(paths.storeFile),
    openTracking: () => openTracking({ dataDir: paths.dataDir, databaseUrl: resolved.config.databaseUrl }),
    ingestOptions: (overrides = {}) => ({
      reportsDir: path.join(paths.reportsDir, 'ingest'),
      outlierMadMultiplier: resolved.config.validation.outlierMadMultiplier,
      outlierSeverity: resolved.config.validation.outlierSeverity,
      ...(overrides.asOf ? { asOf: overrides.asOf } : {}),
    }),
  };
}
