import { openTracking } from '@sodai/tracking';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import type { UsageResponse } from '../src/contract/usage-api.ts';
import { PredictionLog } from '../src/monitor/prediction-log.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { tempDir } from './helpers.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2024, 5, 12, 15, 0, 0);

/** Writes the answers a server would log, then closes the store as a stopping server does. */
async function logAnswers(dir: string) {
  const store = await RawStore.openDir(dir);
  const lane = new DbLane(store.connection);
  try {
    const today = await PredictionLog.open(lane, store, { now: () => NOW, flushIntervalMs: 60_000 });
    today.record('recommend', 1, 10, 0.9, null, 1, 2, 5);
    today.record('recommend', 1, 11, 0.8, null, 2, 2, 7);
    today.record('recommend', 1, 12, 0.7, null, 3, 2, 9);
    today.record('predict', 2, 10, 0.4, false, 0, 1, 100);
    await today.close();
    const yesterday = await PredictionLog.open(lane, store, { now: () => NOW - DAY_MS });
    yesterday.record('predict', 3, 12, 0.5, true, 0, 1, 20);
    await yesterday.close();
    const longAgo = await PredictionLog.open(lane, store, { now: () => NOW - 40 * DAY_MS });
    longAgo.record('predict', 4, 13, 0.5, true, 0, 1, 50);
    await longAgo.close();
  } finally {
    await store.close();
  }
}

async function startServer(dir: string): Promise<{ app: FastifyInstance; stop(): Promise<void> }> {
  const store = await RawStore.openDir(dir);
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  const app = await buildServer({
    config: ConfigSchema.parse({ dataDir: dir, logLevel: 'silent' }),
    store,
    tracking,
    clock: () => new Date(NOW),
    options: { logger: false, rateLimit: false, pollIntervalMs: 0, defaultMetrics: false },
  });
  return {
    app,
    async stop() {
      await app.close();
      await tracking.close();
      await store.close();
    },
  };
}

describe('usage analytics from the prediction log', { timeout: 60_000 }, () => {
  it('survive a server restart: answers written before it are counted by the server after it', async () => {
    const dir = tempDir('sodai-usage-');
    await logAnswers(dir);
    const server = await startServer(dir);
    try {
      const res = await server.app.inject({ method: 'GET', url: '/api/monitor/usage?days=30&top=2' });
      expect(res.statusCode, res.body).toBe(200);
      const usage = res.json<UsageResponse>();
      expect([usage.from, usage.to]).toEqual(['2024-05-14', '2024-06-12']);
      expect([usage.answers, usage.customers, usage.products]).toEqual([5, 3, 3]);
      expect(usage.per_day).toEqual([
        { day: '2024-06-11', answers: 1, customers: 1 },
        { day: '2024-06-12', answers: 4, customers: 2 },
      ]);
      expect(usage.per_route).toEqual([
        { route: 'recommend', answers: 3 },
        { route: 'predict', answers: 2 },
      ]);
      expect(usage.per_version).toEqual([
        { version: 1, answers: 2 },
        { version: 2, answers: 3 },
      ]);
      expect(usage.top_customers).toEqual([
        { customer_id: 1, answers: 3 },
        { customer_id: 2, answers: 1 },
      ]);
      expect(usage.top_products).toEqual([
        { product_id: 10, answers: 2 },
        { product_id: 12, answers: 2 },
      ]);
      // Latencies 5, 7, 9, 20, 100: the median is 9.
      expect(usage.latency_ms).toMatchObject({ p50: 9, max: 100 });

      const wider = (
        await server.app.inject({ method: 'GET', url: '/api/monitor/usage?days=60' })
      ).json<UsageResponse>();
      expect(wider.answers).toBe(6);
    } finally {
      await server.stop();
    }
  });

  it('an empty log answers zeros, and a bad window is a 422 naming the field', async () => {
    const server = await startServer(tempDir('sodai-usage-empty-'));
    try {
      const empty = await server.app.inject({ method: 'GET', url: '/api/monitor/usage' });
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json<UsageResponse>()).toMatchObject({ answers: 0, per_day: [], latency_ms: null });
      const bad = await server.app.inject({ method: 'GET', url: '/api/monitor/usage?days=0' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().issues[0]).toMatchObject({ location: 'querystring', path: 'days' });
      const doc = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: object }>();
      expect(Object.keys(doc.paths)).toContain('/api/monitor/usage');
    } finally {
      await server.stop();
    }
  });
});
