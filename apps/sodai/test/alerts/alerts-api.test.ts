import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ConfigSchema } from '../../src/config/config-schema.ts';
import { buildServer } from '../../src/serve/build-server.ts';
import { openAlertCenter } from '../../src/monitor/alerts/open-alerting.ts';
import type { AlertCenter } from '../../src/monitor/alerts/alert-center.ts';
import { datasetDrift } from '../../src/monitor/alerts/pipeline-rules.ts';
import { buildServedStore, type ServedStore } from '../served-store.ts';
import { tempDir } from '../helpers.ts';
import { startReceiver } from './alert-receiver.ts';

const OPERATOR = 'operator-token-0123456789';
const ADMIN = 'admin-token-0123456789abcdef';
let fx: ServedStore;
let app: FastifyInstance;
let center: AlertCenter;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  fx = await buildServedStore(tempDir('sodai-alerts-api-'));
  const config = ConfigSchema.parse({
    ...fx.config,
    server: { adminToken: ADMIN, operatorToken: OPERATOR },
    // Any answer is "too slow": the latency rule fires as soon as the window has 5 requests.
    alerts: {
      api: { minRequests: 5, maxP99Ms: 0.000001, checkIntervalMs: 3_600_000 },
      webhook: { url: receiver.url, retryBaseMs: 10 },
    },
  });
  center = await openAlertCenter({
    alerts: config.alerts,
    databaseUrl: undefined,
    dataDir: path.resolve(fx.dir),
    log: () => {},
  });
  app = await buildServer({
    config,
    store: fx.store,
    tracking: fx.tracking,
    alerts: center,
    options: { pollIntervalMs: 0 },
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await center?.store.close();
  await fx?.close();
  await receiver?.close();
});

const get = (url: string, token?: string) =>
  app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('alert inbox API', () => {
  it('a p99 above its bound opens one alert, listed for the operator and acknowledged by the admin', async () => {
    for (let i = 0; i < 6; i++) expect((await get('/health')).statusCode).toBe(200);
    await app.serving.checkAlerts();
    await app.serving.checkAlerts(); // still too slow: the same alert, not a second one
    const listed = await get('/api/alerts?state=open', OPERATOR);
    expect(listed.statusCode).toBe(200);
    const alerts = (
      listed.json() as { alerts: { id: string; rule: string; acknowledged_by: string | null }[] }
    ).alerts;
    expect(alerts.map((a) => a.rule)).toEqual(['api_latency']);
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { event: string }).event)).toEqual(['opened']);

    const acked = await app.inject({
      method: 'POST',
      url: `/api/alerts/${alerts[0]!.id}/acknowledge`,
      headers: { authorization: `Bearer ${ADMIN}` },
      payload: { by: 'ana' },
    });
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ id: alerts[0]!.id, acknowledged_by: 'ana', state: 'open' });
  });

  it('refuses without a token, names an unknown id (404) and a bad query field (400)', async () => {
    expect((await get('/api/alerts')).statusCode).toBe(401);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/alerts/no-such-alert/acknowledge',
      headers: { authorization: `Bearer ${OPERATOR}` },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no-such-alert/),
    });
    const bad = await get('/api/alerts?state=sideways', OPERATOR);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/state/);
  });

  it('records the alerts-only token as `alerts` when it acknowledges without a name', async () => {
    await center.observe([datasetDrift({ drifted: true, week: '2024-07-08', reason: 'psi 0.41' })]);
    const listed = (await get('/api/alerts?state=open', OPERATOR)).json() as {
      alerts: { id: string; rule: string }[];
    };
    const drift = listed.alerts.find((a) => a.rule === 'dataset_drift');
    const acked = await app.inject({
      method: 'POST',
      url: `/api/alerts/${drift!.id}/acknowledge`,
      headers: { authorization: `Bearer ${OPERATOR}` },
    });
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ acknowledged_by: 'alerts@127.0.0.1' });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await get('/docs/json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/alerts/', '/api/alerts/{id}/acknowledge']),
    );
  });
});

describe('alert inbox API with only named tokens (SODAI_TOKENS)', () => {
  const READER = 'reader-token-0123456789abcdef';
  const NAMED_OPERATOR = 'named-operator-token-0123456789';
  let named: FastifyInstance;
  let namedCenter: AlertCenter;

  beforeAll(async () => {
    const config = ConfigSchema.parse({
      ...fx.config,
      server: { tokenSecrets: `ana:reader:${READER},ops-bot:operator:${NAMED_OPERATOR}` },
    });
    namedCenter = await openAlertCenter({
      alerts: config.alerts,
      databaseUrl: undefined,
      dataDir: tempDir('sodai-alerts-named-'),
      log: () => {},
    });
    named = await buildServer({
      config,
      store: fx.store,
      tracking: fx.tracking,
      alerts: namedCenter,
      options: { pollIntervalMs: 0 },
    });
    await namedCenter.observe([datasetDrift({ drifted: true, week: '2024-07-08', reason: 'psi 0.41' })]);
  }, 120_000);

  afterAll(async () => {
    await named?.close();
    await namedCenter?.store.close();
  });

  const call = (method: 'GET' | 'POST', url: string, token: string) =>
    named.inject({ method, url, headers: { authorization: `Bearer ${token}` } });

  it('exists, and a named operator lists alerts and acknowledges one as itself', async () => {
    const listed = await call('GET', '/api/alerts?state=open', NAMED_OPERATOR);
    expect(listed.statusCode).toBe(200);
    const [drift] = (listed.json() as { alerts: { id: string; rule: string }[] }).alerts;
    expect(drift?.rule).toBe('dataset_drift');
    const acked = await call('POST', `/api/alerts/${drift!.id}/acknowledge`, NAMED_OPERATOR);
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ id: drift!.id, acknowledged_by: 'ops-bot@127.0.0.1' });
  });

  it("refuses a reader (403) and an unknown token (401) with the server's error body", async () => {
    for (const [method, url] of [
      ['GET', '/api/alerts'],
      ['POST', '/api/alerts/no-such-alert/acknowledge'],
    ] as const) {
      const reader = await call(method, url, READER);
      expect(reader.statusCode, url).toBe(403);
      expect(reader.json(), url).toEqual({
        code: 'FORBIDDEN',
        message: 'ana has the reader role; alerts need operator',
      });
      const unknown = await call(method, url, 'not-a-token-this-server-knows');
      expect(unknown.statusCode, url).toBe(401);
      expect(unknown.json(), url).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(unknown.body).not.toContain('not-a-token-this-server-knows');
    }
  });
});
