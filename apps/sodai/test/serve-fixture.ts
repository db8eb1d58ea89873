import type { FastifyInstance } from 'fastify';
import { buildServer, type ServeDeps } from '../src/serve/build-server.ts';
import { buildServedStore, type ServedStore } from './served-store.ts';
import { tempDir } from './helpers.ts';

export const ADMIN_TOKEN = 'serve-test-admin-token-0123456789';

export type ServeFixture = ServedStore;

/** The served store in a temporary folder removed after the test file, with the admin token set. */
export function serveFixture(): Promise<ServeFixture> {
  return buildServedStore(tempDir('sodai-serve-'), { server: { adminToken: ADMIN_TOKEN } });
}

/**
 * A server over the fixture as tests want it: no request log, no alias polling, no process metrics
 * (their collectors would outlive the file), and its champion loaded before the first request.
 * `more` overrides any dependency; its `options` add to the quiet ones.
 */
export async function quietServer(fx: ServeFixture, more: Partial<ServeDeps> = {}): Promise<FastifyInstance> {
  const app = await buildServer({
    config: fx.config,
    store: fx.store,
    tracking: fx.tracking,
    ...more,
    options: { logger: false, pollIntervalMs: 0, defaultMetrics: false, ...more.options },
  });
  await app.serving.initialLoad;
  return app;
}
