import { openTracking } from '@sodai/tracking';
import type { SodaiConfig } from '../../src/config/config-schema.ts';
import type { DataPaths } from '../../src/config/load-config.ts';
import { createFlowEnv } from '../../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../../src/flows/weekly-dag.ts';
import { alertsOnRunFinished } from '../../src/monitor/alerts/open-alerting.ts';
import { RawStore } from '../../src/store/raw-store.ts';

/**
 * Runs the weekly DAG once in this process with the alert hook a server installs, over the embedded
 * store of `paths`; the hook's clock reads `now` (default: the wall clock).
 */
export async function runWeeklyWithAlerts(
  config: SodaiConfig,
  paths: DataPaths,
  options: { readonly now?: number; readonly params?: Record<string, unknown> } = {},
) {
  const env = createFlowEnv({
    config,
    paths,
    openStore: () => RawStore.openDir(paths.dataDir),
    openTracking: () => openTracking({ dataDir: paths.dataDir, databaseUrl: '' }),
    onRunFinished: alertsOnRunFinished({
      alerts: config.alerts,
      databaseUrl: undefined,
      dataDir: paths.dataDir,
      log: () => {},
      ...(options.now !== undefined ? { now: () => options.now! } : {}),
    }),
  });
  const runtime = await startPipelineRuntime(env);
  try {
    return await runtime.orchestrator.waitForRun(
      await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: options.params ?? {} }),
    );
  } finally {
    await runtime.close();
  }
}
