import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { closedReadsNote } from '../src/cli/commands/serve-command.ts';
import { ADMIN_TOKEN, serveFixture, type ServeFixture } from './serve-fixture.ts';

const READER = 'reader-token-0123456789abcdef';
const OPERATOR = 'operator-token-0123456789abcdef';
const UNKNOWN = 'not-a-token-this-server-knows';
// server.operatorToken / SODAI_OPERATOR_TOKEN: from before roles, it opens the alert inbox only.
const ALERTS_ONLY = 'legacy-alerts-token-0123456789';

let fx: ServeFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await serveFixture();
  const config = ConfigSchema.parse({
    ...fx.config,
    server: {
      ...fx.config.server,
      tokenSecrets: `ana:reader:${READER},ops-bot:operator:${OPERATOR}`,
      operatorToken: ALERTS_ONLY,
    },
  });
  app = await buildServer({
    config,
    store: fx.store,
    tracking: fx.tracking,
    options: { pollIntervalMs: 0, predictionLog: false, defaultMetrics: false },
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await fx?.close();
});

const me = (authorization?: string) =>
  app.inject({ method: 'GET', url: '/api/auth/me', headers: authorization ? { authorization } : {} });

describe('GET /api/auth/me', () => {
  it.each([
    { role: 'reader', alerts: false, token: READER },
    { role: 'operator', alerts: true, token: OPERATOR },
    { role: 'admin', alerts: true, token: ADMIN_TOKEN },
  ])(
    'tells the holder of a $role token its role, and nothing of the token or its name',
    async ({ role, alerts, token }) => {
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        role,
        alerts,
        signed_in: true,
        readers_configured: true,
        tokens_configured: true,
        public_read: 'predictions',
      });
      expect(res.headers['cache-control']).toBe('no-store');
      for (const secret of [token, 'ana', 'ops-bot']) expect(res.body).not.toContain(secret);
    },
  );

  it('answers a visitor without a token as anonymous (200, role null), not with a 401', async () => {
    const res = await me();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      role: null,
      alerts: false,
      signed_in: false,
      readers_configured: true,
      tokens_configured: true,
      public_read: 'predictions',
    });
  });

  it('tells the holder of the alerts-only token (server.operatorToken) it is signed in for alerts, with no role', async () => {
    const res = await me(`Bearer ${ALERTS_ONLY}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      role: null,
      alerts: true,
      signed_in: true,
      readers_configured: true,
      tokens_configured: true,
      public_read: 'predictions',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain(ALERTS_ONLY);
  });

  it('refuses an unknown or malformed token with the 401 every route gives it, without echoing it', async () => {
    const elsewhere = await app.inject({
      method: 'GET',
      url: '/api/predictions',
      headers: { authorization: `Bearer ${UNKNOWN}` },
    });
    for (const authorization of [`Bearer ${UNKNOWN}`, `Basic ${UNKNOWN}`, 'Bearer ']) {
      const res = await me(authorization);
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json(), authorization).toEqual(elsewhere.json());
      expect(res.body).not.toContain(UNKNOWN);
    }
    expect(elsewhere.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('is in the OpenAPI document with its answer and its 401', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const op = doc.paths['/api/auth/me'].get;
    expect(op.operationId).toBe('getApiAuthMe');
    expect(op.security).toEqual([{ bearer: [] }, {}]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401']));
    const answer = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties).sort()).toEqual([
      'alerts',
      'public_read',
      'readers_configured',
      'role',
      'signed_in',
      'tokens_configured',
    ]);
  });
});

describe('the alerts-only token elsewhere', () => {
  const bearer = { authorization: `Bearer ${ALERTS_ONLY}` };

  it("is refused (403, the server's error body) on the routes that need a reader", async () => {
    for (const url of ['/api/predictions', '/api/ingestions', '/api/tracking/models']) {
      const res = await app.inject({ method: 'GET', url, headers: bearer });
      expect(res.statusCode, url).toBe(403);
      expect(res.json(), url).toEqual({
        code: 'FORBIDDEN',
        message: 'alerts may use the alert inbox only; this route needs reader',
      });
      expect(res.body).not.toContain(ALERTS_ONLY);
    }
  });

  it('is refused (403) on the operator and admin routes', async () => {
    const reload = await app.inject({ method: 'POST', url: '/api/admin/reload', headers: bearer });
    expect(reload.statusCode).toBe(403);
    expect(reload.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/needs operator$/),
    });
    const promote = await app.inject({
      method: 'POST',
      url: '/api/admin/promote',
      headers: bearer,
      payload: { version: 1, reason: 'must not happen' },
    });
    expect(promote.statusCode).toBe(403);
    expect(promote.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a server nobody can sign in to', () => {
  const serverWith = async (server: Record<string, unknown>) =>
    buildServer({
      config: ConfigSchema.parse({
        ...fx.config,
        server: { ...fx.config.server, adminToken: undefined, ...server },
      }),
      store: fx.store,
      tracking: fx.tracking,
      options: { pollIntervalMs: 0, predictionLog: false, defaultMetrics: false },
    });

  it('says no reader token is configured, so the web UI can say how to open the data pages', async () => {
    for (const server of [{}, { operatorToken: ALERTS_ONLY }]) {
      const closed = await serverWith(server);
      try {
        const res = await closed.inject({ method: 'GET', url: '/api/auth/me' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ readers_configured: false, public_read: 'predictions' });
      } finally {
        await closed.close();
      }
    }
  });

  it('says whether any token at all is configured, so the web UI offers a sign-in only where one can succeed', async () => {
    for (const [server, tokens] of [
      [{}, false],
      [{ publicRead: 'all' }, false],
      [{ operatorToken: ALERTS_ONLY }, true],
    ] as const) {
      const app = await serverWith(server);
      try {
        const res = await app.inject({ method: 'GET', url: '/api/auth/me' });
        expect(res.json(), JSON.stringify(server)).toMatchObject({ tokens_configured: tokens });
      } finally {
        await app.close();
      }
    }
  });

  it('says reads are open when server.publicRead is all', async () => {
    const open = await serverWith({ publicRead: 'all' });
    try {
      const res = await open.inject({ method: 'GET', url: '/api/auth/me' });
      expect(res.json()).toMatchObject({ readers_configured: false, public_read: 'all' });
    } finally {
      await open.close();
    }
  });
});

describe('sodai serve at start-up', () => {
  const server = (given: Record<string, unknown>) =>
    ConfigSchema.parse({ server: { adminToken: undefined, ...given } }).server;

  it('warns that the data pages are shown to nobody when no token has a role and reads are closed', () => {
    for (const closed of [server({}), server({ operatorToken: ALERTS_ONLY })]) {
      expect(closedReadsNote(closed)).toMatch(/shown to nobody.*SODAI_TOKENS=.*SODAI_PUBLIC_READ=all/);
    }
  });

  it('says nothing when someone can sign in to read, or reads are open', () => {
    expect(closedReadsNote(server({ tokenSecrets: `ana:reader:${READER}` }))).toBeUndefined();
    expect(closedReadsNote(server({ adminToken: ADMIN_TOKEN }))).toBeUndefined();
    expect(closedReadsNote(server({ publicRead: 'all' }))).toBeUndefined();
  });
});
