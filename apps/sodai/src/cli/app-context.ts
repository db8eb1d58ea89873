import { loadConfig, dataPaths, type DataPaths, type ResolvedConfig } from '../config/load-config.ts';
import { RawStore } from '../data/raw-store.ts';
import type { BatchIngestOptions } from '../data/load-data.ts';
import path from 'node:path';

export interface AppContext {
  readonly resolved: ResolvedConfig;
  readonly paths: DataPaths;
  openStore(): Promise<RawStore>;
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
    ingestOptions: (overrides = {}) => ({
      reportsDir: path.join(paths.reportsDir, 'ingest'),
      outlierMadMultiplier: resolved.config.validation.outlierMadMultiplier,
      outlierSeverity: resolved.config.validation.outlierSeverity,
      ...(overrides.asOf ? { asOf: overrides.asOf } : {}),
    }),
  };
}
