import { openTracking } from '@sodai/tracking';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import type { RequestFigures } from '../src/contract/requests-api.ts';
import { requestFigures } from '../src/monitor/request-figures.ts';
import { ServerMetrics } from '../src/monitor/server-metrics.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { tempDir } from './helpers.ts';

describe('requestFigures', () => {
  const metrics = () => new ServerMetrics({ current: () => undefined }, () => 0, undefined, false);

  it('adds up the routes of each part of the server, its p95 from their summed buckets', async () => {
    const m = metrics();
    // The runs list: 20 answers within 5 ms. A run's page: 18 within 50 ms, 2 (one failed) at 80 ms,
    // so its own p95 would be 100 ms; the part's 40 answers have 38 within 50 ms.
    for (let i = 0; i < 20; i++) m.observeRequest('GET', '/api/tracking/runs', 200, 0.004);
    for (let i = 0; i < 18; i++) m.observeRequest('GET', '/api/tracking/runs/:runId', 200, 0.04);
    m.observeRequest('GET', '/api/tracking/runs/:runId', 200, 0.08);
    m.observeRequest('GET', '/api/tracking/runs/:runId', 500, 0.08);
    m.observeRequest('POST', '/predict', 503, 3);
    m.observeRequest('GET', '/brand-new', 200, 0.002);
    const figures = await requestFigures(m);
    expect(figures.areas).toEqual([
      {
        area: 'experiments',
        routes: ['/api/tracking/runs', '/api/tracking/runs/:runId'],
        requests: 40,
        errors: 1,
        mean_ms: expect.closeTo((20 * 4 + 18 * 40 + 2 * 80) / 40, 6),
        p95_ms: 50,
      },
      // Past the largest bucket (2.5 s): no bound to give.
      { area: 'predict', routes: ['/predict'], requests: 1, errors: 1, mean_ms: 3000, p95_ms: null },
      { area: null, routes: ['/brand-new'], requests: 1, errors: 0, mean_ms: 2, p95_ms: 2.5 },
    ]);
  });

  it("leaves the web UI's own files out and counts predictions per version, oldest first", async () => {
    const m = metrics();
    m.observeRequest('GET', '/', 200, 0.001);
    m.observeRequest('GET', '/assets/index-abc.js', 200, 0.001);
    m.predictions.inc({ model_version: 3, route: 'predict' }, 2);
    m.predictions.inc({ model_version: 2, route: 'predict' }, 7);
    m.predictions.inc({ model_version: 2, route: 'recommend' }, 3);
    expect(await requestFigures(m)).toEqual({
      areas: [],
      predictions: [
        { model_version: 2, predictions: 10 },
        { model_version: 3, predictions: 2 },
      ],
    });
  });
});

describe('GET /api/monitor/requests', { timeout: 60_000 }, () => {
  let app: FastifyInstance;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const dir = tempDir('sodai-request-figures-');
    const store = await RawStore.openDir(dir);
    const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    app = await buildServer({
      config: ConfigSchema.parse({ dataDir: dir, logLevel: 'silent' }),
      store,
      tracking,
      options: { logger: false, rateLimit: false, pollIntervalMs: 0, defaultMetrics: false },
    });
    stop = async () => {
      await app.close();
      await tracking.close();
      await store.close();
    };
  });
  afterAll(() => stop?.());

  it('answers the requests this server counted, as /metrics counts them, by part of the server', async () => {
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/health' });
    await app.inject({ method: 'GET', url: '/api/serving' });
    await app.inject({ method: 'POST', url: '/no-such-route' });
    const res = await app.inject({ method: 'GET', url: '/api/monitor/requests' });
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json<RequestFigures>();
    expect(figures.areas.map((a) => [a.area, a.routes, a.requests, a.errors])).toEqual([
      ['status', ['/api/serving', '/health'], 4, 0],
      // What no route answers is named in words too, not as the server's internal label.
      ['other', ['unmatched'], 1, 0],
    ]);
    expect(figures.predictions).toEqual([]);
    // Prometheus still reads the text format, with the same counts.
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain('sodai_http_requests_total{method="GET",route="/health",status="200"} 3');
  });

  it('is in the OpenAPI document with its answer', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const op = doc.paths['/api/monitor/requests'].get;
    expect(op.operationId).toBe('getRequestFigures');
    const answer = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties).sort()).toEqual(['areas', 'predictions']);
  });
});
