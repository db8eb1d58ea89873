import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../src/artifacts/local-artifact-store.ts';
import { TrackingClient } from '../src/client.ts';
import { trackingPlugin } from '../src/http/index.ts';
import { openSqliteStore } from '../src/sqlite.ts';
import { tempDir } from './helpers.ts';

const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('tracking REST API', () => {
  const dir = tempDir();
  let app: FastifyInstance;
  let client: TrackingClient;
  let runId: string;

  beforeAll(async () => {
    client = await TrackingClient.open({
      store: await openSqliteStore(join(dir, 't.db')),
      artifacts: new LocalArtifactStore(join(dir, 'artifacts')),
    });
    const run = await client.startRun({ experiment: 'api', name: 'trained', params: { depth: 6 } });
    run.logMetric('auc', 0.9, 1);
    await run.logInput({ name: 'features', digest: 'sha256:f', rowCount: 3 });
    await run.logArtifact('model.ubj', 'model-bytes');
    await run.end();
    runId = run.id;
    app = Fastify();
    await app.register(trackingPlugin, { prefix: '/api/tracking', client, adminToken: TOKEN });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves reads without a token', async () => {
    const runs = await app.inject({ url: '/api/tracking/runs?experiment=api&orderBy=metrics.auc%20desc' });
    expect(runs.statusCode).toBe(200);
    expect(runs.json().map((r: { id: string }) => r.id)).toEqual([runId]);
    const details = await app.inject({ url: `/api/tracking/runs/${runId}` });
    expect(details.json().params).toEqual([{ key: 'depth', value: '6' }]);
    const artifact = await app.inject({ url: `/api/tracking/runs/${runId}/artifact?path=model.ubj` });
    expect(artifact.body).toBe('model-bytes');
  });

  it('refuses writes without the admin token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/tracking/experiments',
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/tracking/experiments',
      headers: { authorization: 'Bearer nope' },
      payload: { name: 'x' },
    });
    expect(wrong.statusCode).toBe(401);
    expect([res.json().code, wrong.json().code]).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
  });

  it('answers 422 naming every failing body field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/tracking/runs/${runId}/metrics`,
      headers: auth,
      payload: { metrics: [{ key: '', value: 'high', step: -1 }] },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('INVALID_ARGUMENT');
    const paths = body.issues.map((i: { location: string; path: string }) => `${i.location}:${i.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['body:metrics.0.key', 'body:metrics.0.value', 'body:metrics.0.step']),
    );
  });

  it('answers 422 for bad query strings, params, unknown keys and filters, 400 for malformed JSON', async () => {
    const limit = await app.inject({ url: '/api/tracking/runs?limit=0' });
    expect(limit.statusCode).toBe(422);
    expect(limit.json().issues[0]).toMatchObject({ location: 'querystring', path: 'limit' });
    const unknown = await app.inject({ url: '/api/tracking/runs?colour=red' });
    expect(unknown.statusCode).toBe(422);
    const filter = await app.inject({ url: '/api/tracking/runs?filter=metrics.auc%20%3E%20high' });
    expect(filter.statusCode).toBe(422);
    expect(filter.json().issues[0]).toMatchObject({ location: 'querystring', path: 'filter' });
    const version = await app.inject({ url: '/api/tracking/models/m/versions/abc' });
    expect(version.statusCode).toBe(422);
    expect(version.json().issues[0]).toMatchObject({ location: 'params', path: 'version' });
    const json = await app.inject({
      method: 'POST',
      url: '/api/tracking/experiments',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect([json.statusCode, json.json().code]).toEqual([400, 'MALFORMED_BODY']);
    const alias = await app.inject({
      method: 'PUT',
      url: '/api/tracking/models/m/aliases/9bad',
      headers: auth,
      payload: { version: 1, actor: 'a' },
    });
    // The model does not exist yet, but the alias name is checked first: a 400 naming the field.
    expect(alias.statusCode).toBe(422);
    expect(alias.json().issues[0]).toMatchObject({ path: 'alias' });
  });

  it('answers 404 for unknown ids and 409 for conflicts', async () => {
    expect((await app.inject({ url: '/api/tracking/runs/nope' })).json().code).toBe('RUN_NOT_FOUND');
    expect((await app.inject({ url: '/api/tracking/runs/nope' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/tracking/models/ghost' })).statusCode).toBe(404);
    const ended = await app.inject({
      method: 'POST',
      url: `/api/tracking/runs/${runId}/params`,
      headers: auth,
      payload: { params: { depth: 7 } },
    });
    expect([ended.statusCode, ended.json().code]).toEqual([409, 'RUN_NOT_ACTIVE']);
  });

  it('registers, promotes, rolls back and shows lineage through the API', async () => {
    const post = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
      app.inject({ method, url: `/api/tracking${url}`, headers: auth, payload });
    expect((await post('/models/purchase/versions', { runId, artifactPath: 'model.ubj' })).statusCode).toBe(
      201,
    );
    expect(
      (await post('/models/purchase/versions', { runId, artifactPath: 'model.ubj' })).json().version,
    ).toBe(2);
    const promote = await post(
      '/models/purchase/aliases/champion',
      { version: 1, actor: 'ci', gate: { passed: true } },
      'PUT',
    );
    expect(promote.statusCode).toBe(200);
    await post('/models/purchase/aliases/champion', { version: 2, actor: 'ci', reason: 'better' }, 'PUT');
    const noReason = await post('/models/purchase/aliases/champion/rollback', { actor: 'ops' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().issues[0]).toMatchObject({ location: 'body', path: 'reason' });
    const rb = await post('/models/purchase/aliases/champion/rollback', {
      actor: 'ops',
      reason: 'v2 regressed',
    });
    expect(rb.json()).toMatchObject({ version: 1, action: 'rollback', reason: 'v2 regressed' });
    const history = await app.inject({ url: '/api/tracking/models/purchase/aliases/champion/history' });
    expect(history.json().map((h: { version: number }) => h.version)).toEqual([1, 2, 1]);
    const lineage = await app.inject({ url: '/api/tracking/models/purchase/aliases/champion/lineage' });
    expect(lineage.json().run.id).toBe(runId);
    expect(lineage.json().inputs[0].digest).toBe('sha256:f');
    const archive = await post('/models/purchase/versions/1/archive', {});
    expect([archive.statusCode, archive.json().code]).toEqual([409, 'VERSION_IN_USE']);
  });

  it('logs a run end to end over HTTP', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tracking/runs',
      headers: auth,
      payload: { experiment: 'remote', name: 'r' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const metrics = await app.inject({
      method: 'POST',
      url: `/api/tracking/runs/${id}/metrics`,
      headers: auth,
      payload: { metrics: [{ key: 'loss', value: 0.5, step: 1 }] },
    });
    expect(metrics.statusCode).toBe(204);
    const end = await app.inject({
      method: 'POST',
      url: `/api/tracking/runs/${id}/end`,
      headers: auth,
      payload: { status: 'FINISHED' },
    });
    expect(end.json().status).toBe('FINISHED');
    const hist = await app.inject({ url: `/api/tracking/runs/${id}/metrics/loss` });
    expect(hist.json()).toMatchObject([{ key: 'loss', value: 0.5, step: 1 }]);
  });

  it('answers every read with the whole record its schema documents, nothing stripped', async () => {
    const json = (value: unknown) => JSON.parse(JSON.stringify(value));
    const get = async (url: string) => (await app.inject({ url: `/api/tracking${url}` })).json();
    const registry = client.registry;
    expect(await get('/experiments')).toEqual(json(await client.listExperiments()));
    expect(await get(`/runs/${runId}`)).toEqual(json(await client.getRunDetails(runId)));
    expect(await get(`/runs?experiment=api`)).toEqual(
      json(await client.searchRuns({})).filter((r: { id: string }) => r.id === runId),
    );
    expect(await get(`/runs/${runId}/metrics/auc`)).toEqual(
      json(await client.getMetricHistory(runId, 'auc')),
    );
    expect(await get('/models')).toEqual(json(await registry.listRegisteredModels()));
    expect(await get('/models/purchase/versions/2')).toEqual(
      json(await registry.getModelVersion('purchase', 2)),
    );
    expect(await get('/models/purchase/aliases/champion/lineage')).toEqual(
      json(await registry.lineage('purchase', 'champion')),
    );
    expect(await get('/models/purchase/aliases/champion/history')).toEqual(
      json(await registry.getAliasHistory('purchase', 'champion')),
    );
  });
});

describe('tracking REST API documentation', () => {
  it('declares a response schema for the success answer of every route', async () => {
    const dir = tempDir();
    const client = await TrackingClient.open({
      store: await openSqliteStore(join(dir, 't.db')),
      artifacts: new LocalArtifactStore(join(dir, 'artifacts')),
    });
    const app = Fastify();
    const undocumented: string[] = [];
    app.addHook('onRoute', (route) => {
      const method = String(route.method);
      const codes = Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {});
      if (method !== 'HEAD' && !codes.some((c) => c.startsWith('2')))
        undocumented.push(`${method} ${route.url}`);
    });
    await app.register(trackingPlugin, { prefix: '/api/tracking', client, adminToken: TOKEN });
    await app.ready();
    expect(undocumented).toEqual([]);
    await app.close();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
