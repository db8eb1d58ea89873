import { loadConfig, dataPaths, type DataPaths, type ResolvedConfig } from '../config/load-config.ts';
import { RawStore } from '../store/raw-store.ts';
import { openSharedStore } from '../store/shared-store.ts';
import { SharedStorePool } from '../store/shared-store-pool.ts';
import { ObjectArtifactStore } from '../store/object-artifact-store.ts';
import { migrateLegacyStore } from '../store/migrate-legacy.ts';
import { describeMigration } from './describe-migration.ts';
import type { BatchIngestOptions } from '../data/load-data.ts';
import path from 'node:path';
import { openBatchLanding, type BatchLanding } from '../data/sources/batch-landing.ts';
import { configuredSource } from '../data/sources/batch-source.ts';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { createFlowEnv, type FlowEnv, type FlowEnvSources } from '../flows/flow-env.ts';
import { alertsOnRunFinished, type AlertingOptions } from '../monitor/alerts/open-alerting.ts';
import { realizedF1Source } from '../monitor/alerts/realized-source.ts';

export interface AppContext {
  readonly resolved: ResolvedConfig;
  readonly paths: DataPaths;
  openStore(): Promise<RawStore>;
  /** Experiment tracking and the model registry: SQLite in the data folder, or Postgres by DATABASE_URL. */
  openTracking(): Promise<TrackingClient>;
  ingestOptions(overrides?: { asOf?: string }): BatchIngestOptions;
  /** Where new batches land and are watched (the landing folder or the S3 source's prefix). */
  openLanding(): Promise<BatchLanding | undefined>;
  /** Where this process's alerts are kept and sent (the log line goes to stderr). */
  readonly alerting: AlertingOptions;
  /** The weekly flow's environment; shared instances (a server's store) may be passed in. */
  flowEnv(shared?: Pick<FlowEnvSources, 'store' | 'tracking' | 'notifyServing'>): FlowEnv;
}

/** What every command needs: the validated configuration and the paths derived from it. */
export function appContext(configFile?: string): AppContext {
  const resolved = loadConfig(configFile ? { file: configFile } : {});
  const paths = dataPaths(resolved.config);
  // One catalog connection per process, whatever number of jobs run at once (see SharedStorePool).
  const pool = new SharedStorePool(async () => {
    const shared = await openSharedStore(resolved.config);
    try {
      // An earlier version's single-file store upgrades on first open.
      const migrated = await migrateLegacyStore(paths.dataDir, shared);
      if (migrated) process.stderr.write(`${describeMigration(migrated)}\n`);
    } catch (error) {
      await shared.close();
      throw error;
    }
    return shared;
  });
  const openStore = () => RawStore.openPooled(pool);
  const openTrackingClient = async () => {
    const options = { dataDir: paths.dataDir, databaseUrl: resolved.config.databaseUrl };
    // An explicit object store (a bucket, a shared folder) holds the artifacts too, so any machine
    // loads a model any other trained; the default keeps them in <dataDir>/artifacts as before.
    if (resolved.config.objectStore === undefined) return openTracking(options);
    const { shared, release } = await pool.acquire();
    try {
      const client = await openTracking({ ...options, artifacts: new ObjectArtifactStore(shared.objects) });
      const closeClient = client.close.bind(client);
      client.close = async () => {
        try {
          await closeClient();
        } finally {
          await release();
        }
      };
      return client;
    } catch (error) {
      await release();
      throw error;
    }
  };
  const alerting: AlertingOptions = {
    alerts: resolved.config.alerts,
    databaseUrl: resolved.config.databaseUrl,
    dataDir: paths.dataDir,
    log: (level, line) => process.stderr.write(`${level === 'warn' ? 'ALERT' : 'alert'} ${line}\n`),
    // Through the pool, so a server that already holds the catalog does not open a second one.
    realized: realizedF1Source({
      openMonitor: async () => {
        const { shared, release } = await pool.acquire();
        return { records: shared.catalog.monitor, release };
      },
      openTracking: openTrackingClient,
    }),
  };
  return {
    resolved,
    paths,
    alerting,
    flowEnv: (shared = {}) =>
      createFlowEnv({
        config: resolved.config,
        paths,
        openStore,
        openTracking: openTrackingClient,
        onRunFinished: alertsOnRunFinished(alerting),
        ...shared,
      }),
    openStore,
    openTracking: openTrackingClient,
    openLanding: () =>
      openBatchLanding(
        configuredSource(resolved.config, paths.landingDir),
        path.join(paths.dataDir, 'cache'),
      ),
    ingestOptions: (overrides = {}) => ({
      reportsDir: path.join(paths.reportsDir, 'ingest'),
      outlierMadMultiplier: resolved.config.validation.outlierMadMultiplier,
      outlierSeverity: resolved.config.validation.outlierSeverity,
      ...(overrides.asOf ? { asOf: overrides.asOf } : {}),
    }),
  };
}
