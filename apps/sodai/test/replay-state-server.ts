import { openTracking, type TrackingClient } from '@sodai/tracking';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { ConfigSchema, type ModelSettings } from '../src/config/config-schema.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { RawStore } from '../src/store/raw-store.ts';

/** The API over what a replay left behind, as monitoring serves it. */
export interface ReplayStateServer {
  readonly app: FastifyInstance;
  readonly store: RawStore;
  readonly tracking: TrackingClient;
  close(): Promise<void>;
}

/** Serves the deployment `sodai replay --out OUT` ran in (`OUT/.replay-state`), with its model settings. */
export async function serveReplayState(
  out: string,
  model: Partial<ModelSettings>,
): Promise<ReplayStateServer> {
  const work = path.join(out, '.replay-state');
  const store = await RawStore.openDir(work);
  const tracking = await openTracking({ dataDir: work, databaseUrl: '' });
  const app = await buildServer({
    config: ConfigSchema.parse({ dataDir: work, model }),
    store,
    tracking,
    options: { logger: false, rateLimit: false, predictionLog: false },
  });
  return {
    app,
    store,
    tracking,
    async close() {
      await app.close();
      await tracking.close();
      await store.close();
    },
  };
}
