// Apart from serve-fixture.ts, which most chat tests load: the pipeline runtime brings the DAGs and
// their jobs, seconds of imports a test of answers does not need.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { dataPaths } from '../src/config/load-config.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { AlertCenter } from '../src/monitor/alerts/alert-center.ts';
import { openSqliteAlertStore } from '../src/monitor/alerts/alert-store.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { quietServer, type ServeFixture } from './serve-fixture.ts';

/**
 * A quiet server with every route mounted: the pipeline API over its own run store (tasks open their
 * own stores, as in `sodai serve --schedule`) and the alert inbox over a SQLite alert store in the
 * fixture's folder. `close()` closes the server, then what it was given.
 */
export async function serverWithEveryRoute(
  fx: ServeFixture,
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const runtime = await startPipelineRuntime(
    createFlowEnv({
      config: fx.config,
      paths: dataPaths(fx.config),
      tracking: fx.tracking,
      openStore: () => RawStore.openDir(fx.dir),
      openTracking: async () => fx.tracking,
    }),
  );
  const alerts = await openSqliteAlertStore(path.join(fx.dir, `alerts-${Date.now()}.db`));
  const app = await quietServer(fx, {
    alerts: new AlertCenter({ store: alerts, channels: [] }),
    pipeline: { store: runtime.store, dags: runtime.dags, orchestrator: runtime.orchestrator },
  });
  return {
    app,
    async close() {
      await app.close();
      await runtime.close();
      await alerts.close();
    },
  };
}
