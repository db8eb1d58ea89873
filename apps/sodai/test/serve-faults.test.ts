/**
 * Regression tests for the serving findings of the fault-injection pass (issue 18), each named after
 * the failure it guards.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { buildServer, type ServeOptions } from '../src/serve/build-server.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { ADMIN_TOKEN, serveFixture, type ServeFixture } from './serve-fixture.ts';

let fx: ServeFixture;
let app: FastifyInstance;
let nonCandidates: { customer_id: number; product_id: number }[];

async function server(server: Record<string, unknown> = {}, options: ServeOptions = {}) {
  const config = ConfigSchema.parse({
    ...fx.config,
    server: { ...fx.config.server, ...server },
  });
  const built = await buildServer({
    config,
    store: fx.store,
    tracking: fx.tracking,
    options: { pollIntervalMs: 0, predictionLog: false, defaultMetrics: false, ...options },
  });
  await built.serving.initialLoad;
  return built;
}

beforeAll(async () => {
  fx = await serveFixture();
  app = await server();
  const rows = await queryRows(
    fx.store.connection,
    `SELECT c.customer_id::DOUBLE AS c, p.product_id::DOUBLE AS p FROM customers c CROSS JOIN products p
     ANTI JOIN prediction_dataset d ON d.customer_id = c.customer_id AND d.product_id = p.product_id
     ORDER BY ALL LIMIT 1000`,
  );
  nonCandidates = rows.map((r) => ({ customer_id: Number(r.c), product_id: Number(r.p) }));
}, 120_000);
afterAll(async () => {
  await app.close();
  await fx.close();
});

const upload = (target: FastifyInstance, name: string, body: string, query = '') =>
  target.inject({
    method: 'PUT',
    url: `/api/admin/landing/${name}${query}`,
    payload: Buffer.from(body),
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
  });

describe('finding 7 and 12: uploads', () => {
  it('concurrent uploads of one file name never share a temp file: one lands whole, the other is told', async () => {
    const bodies = Array.from({ length: 6 }, (_, i) => `customer_id,items\n${i},${'x'.repeat(50_000 + i)}\n`);
    const results = await Promise.all(bodies.map((b) => upload(app, 'same-name.csv', b)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = results.findIndex((r) => r.statusCode === 201);
    const landing = path.join(fx.dir, 'landing');
    expect(readFileSync(path.join(landing, 'same-name.csv'), 'utf8')).toBe(bodies[winner]);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toContain('replace=true');
    // No temp file is left behind.
    expect(readdirSync(landing).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('an upload never silently overwrites a waiting file; ?replace=true does, on purpose', async () => {
    expect((await upload(app, 'w.csv', 'a\n1\n')).statusCode).toBe(201);
    expect((await upload(app, 'w.csv', 'a\n2\n')).statusCode).toBe(409);
    expect(readFileSync(path.join(fx.dir, 'landing', 'w.csv'), 'utf8')).toBe('a\n1\n');
    const replaced = await upload(app, 'w.csv', 'a\n3\n', '?replace=true');
    expect(replaced.statusCode).toBe(201);
    expect(readFileSync(path.join(fx.dir, 'landing', 'w.csv'), 'utf8')).toBe('a\n3\n');
  });

  it('a hidden file name is refused and the response never shows a server path', async () => {
    const hidden = await upload(app, '.x.parquet', 'PAR1');
    expect(hidden.statusCode).toBe(422);
    expect(existsSync(path.join(fx.dir, 'landing', '.x.parquet'))).toBe(false);
    const ok = await upload(app, 'visible.csv', 'a\n1\n');
    expect(ok.json()).toEqual({ path: 'landing/visible.csv', bytes: 4 });
    expect(ok.body).not.toContain(fx.dir);
  });
});

describe('finding 3: bulk /predict', () => {
  it('a bulk /predict answers the same as one pair at a time (slicing changes no result)', async () => {
    const pairs = nonCandidates.slice(0, 50);
    const bulk = await app.inject({ method: 'POST', url: '/predict?lang=en', payload: { pairs } });
    expect(bulk.statusCode).toBe(200);
    const singles = [];
    for (const pair of pairs) {
      singles.push((await app.inject({ method: 'POST', url: '/predict?lang=en', payload: pair })).json());
    }
    expect(bulk.json().predictions).toEqual(singles);
  });

  it('a client sending bulk batches runs out of scoring budget (429, Retry-After) and others do not', async () => {
    const limited = await server({ bulkScoring: { capacity: 1_500, refillPerSecond: 10 } });
    try {
      const send = (ip: string) =>
        limited.inject({
          method: 'POST',
          url: '/predict',
          payload: { pairs: nonCandidates },
          remoteAddress: ip,
        });
      expect((await send('10.0.0.1')).statusCode).toBe(200);
      const refused = await send('10.0.0.1');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await send('10.0.0.2')).statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('finding 10: behind a proxy', () => {
  it('with trustProxy the client is the forwarded address, so clients behind one proxy have their own budgets', async () => {
    const send = (target: FastifyInstance, client: string) =>
      target.inject({
        method: 'POST',
        url: '/predict',
        payload: { pairs: nonCandidates },
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': client },
      });
    const budget = { bulkScoring: { capacity: 1_500, refillPerSecond: 10 } };
    const direct = await server(budget);
    const proxied = await server({ ...budget, trustProxy: '127.0.0.1' });
    try {
      // Without the setting every client behind the proxy is the proxy: one budget for all.
      expect((await send(direct, '203.0.113.1')).statusCode).toBe(200);
      expect((await send(direct, '203.0.113.2')).statusCode).toBe(429);
      expect((await send(proxied, '203.0.113.1')).statusCode).toBe(200);
      expect((await send(proxied, '203.0.113.2')).statusCode).toBe(200);
      expect((await send(proxied, '203.0.113.1')).statusCode).toBe(429);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});

describe('finding 1: /ready tells the truth', () => {
  it('/ready fails naming the catalog while the metadata database cannot answer, and recovers with it', async () => {
    const catalog = fx.store.shared.catalog;
    const original = catalog.currentSnapshot.bind(catalog);
    const probed = await server();
    try {
      expect((await probed.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      catalog.currentSnapshot = () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error'));
      await new Promise((r) => setTimeout(r, 1100)); // past the cached answer
      const broken = await probed.inject({ method: 'GET', url: '/ready' });
      expect(broken.statusCode).toBe(503);
      expect(broken.json().reason).toContain('catalog (metadata database): SQLITE_IOERR');
      expect((await probed.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      catalog.currentSnapshot = original;
      await new Promise((r) => setTimeout(r, 1100));
      expect((await probed.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    } finally {
      catalog.currentSnapshot = original;
      await probed.close();
    }
  });

  it('a server whose store stays broken calls for a restart instead of answering 200 for ever', async () => {
    const catalog = fx.store.shared.catalog;
    const original = catalog.currentSnapshot.bind(catalog);
    const reasons: string[] = [];
    const watched = await server(
      {},
      { brokenFor: { ms: 300, checkEveryMs: 100, onBroken: (r) => reasons.push(r) } },
    );
    try {
      catalog.currentSnapshot = () => Promise.reject(new Error('database has been invalidated'));
      const named = () => reasons.some((r) => r.includes('database has been invalidated'));
      for (let i = 0; i < 100 && !named(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(named()).toBe(true);
    } finally {
      catalog.currentSnapshot = original;
      await watched.close();
    }
  });
});

describe('finding 11: roles and open reads', () => {
  const READER = 'reader-token-0123456789abcdef';
  const OPERATOR = 'operator-token-0123456789abcdef';
  const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  let roles: FastifyInstance;
  beforeAll(async () => {
    roles = await server({
      tokens: [{ name: 'ana', role: 'reader', sha256: sha256(READER) }],
      tokenSecrets: `ops-bot:operator:${OPERATOR}`,
    });
  });
  afterAll(() => roles.close());
  const get = (url: string, headers: Record<string, string> = {}) =>
    roles.inject({ method: 'GET', url, headers });

  it('raw data, prediction lists, reports and artifacts need a reader token; predictions stay public', async () => {
    for (const url of [
      '/api/predictions',
      '/api/ingestions',
      '/api/reports/ingest',
      '/api/tracking/models',
    ]) {
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, bearer(READER))).statusCode, url).toBe(200);
    }
    const [pair] = nonCandidates;
    expect((await roles.inject({ method: 'POST', url: '/predict', payload: pair })).statusCode).toBe(200);
    expect((await get('/api/serving')).statusCode).toBe(200);
    expect((await get('/api/predictions', bearer('not-a-known-token-at-all'))).statusCode).toBe(401);
  });

  it('model artifacts are not downloadable without a token', async () => {
    const [run] = await fx.tracking.searchRuns({});
    const url = `/api/tracking/runs/${run!.id}/artifact?path=model.ubj`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, bearer(READER))).statusCode).toBe(200);
  });

  it('a reader cannot operate, an operator cannot move the champion, the admin token still can', async () => {
    const reload = (token: string) =>
      roles.inject({ method: 'POST', url: '/api/admin/reload', headers: bearer(token) });
    expect((await reload(READER)).statusCode).toBe(403);
    expect((await reload(OPERATOR)).statusCode).toBe(200);
    const promote = (token: string) =>
      roles.inject({
        method: 'POST',
        url: '/api/admin/promote',
        headers: bearer(token),
        payload: { version: fx.versions[0], reason: 'roles test' },
      });
    expect((await promote(OPERATOR)).statusCode).toBe(403);
    expect((await promote(ADMIN_TOKEN)).statusCode).toBe(200);
  });

  it('the tracking API records the token as the audit actor, never the actor named in the body', async () => {
    const moved = await roles.inject({
      method: 'PUT',
      url: '/api/tracking/models/weekly-purchase/aliases/roles-test',
      headers: bearer(OPERATOR),
      payload: { version: fx.versions[0], actor: 'mallory', reason: 'who am I' },
    });
    expect(moved.statusCode).toBe(200);
    const history = await fx.tracking.registry.getAliasHistory('weekly-purchase', 'roles-test');
    expect(history.at(-1)).toMatchObject({ actor: 'ops-bot' });
    const anonymous = await roles.inject({
      method: 'PUT',
      url: '/api/tracking/models/weekly-purchase/aliases/roles-test',
      payload: { version: fx.versions[0], actor: 'mallory' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('no API response shows an absolute server path', async () => {
    for (const url of ['/api/ingestions?limit=100', '/api/reports/ingest']) {
      const body = (await get(url, bearer(READER))).body;
      expect(body, url).not.toContain(fx.dir);
      expect(body, url).not.toMatch(/"\/(tmp|home|srv|var|work)\//);
    }
    const [one] = (await get('/api/ingestions?limit=1', bearer(READER))).json();
    expect(one.file).toBe('transacciones.parquet');
  });

  it('publicRead all opens reads again (the old behaviour, on purpose)', async () => {
    const open = await server({ publicRead: 'all' });
    try {
      expect((await open.inject({ method: 'GET', url: '/api/predictions' })).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});
