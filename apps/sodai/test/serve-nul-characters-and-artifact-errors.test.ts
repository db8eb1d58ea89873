/**
 * Found fuzzing every route of a `sodai serve` on Postgres: a NUL character (`%00`, `\u0000`) in a
 * pipeline run id, an alert id or a tracking name was a 500 there (Postgres text cannot hold one),
 * and the tracking artifact route answered its errors with the body "[object Object]".
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { serverWithEveryRoute } from './serve-every-route-fixture.ts';

let fx: ServeFixture;
let server: Awaited<ReturnType<typeof serverWithEveryRoute>>;
let app: FastifyInstance;
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  fx = await serveFixture();
  server = await serverWithEveryRoute(fx);
  app = server.app;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await fx?.close();
});

describe('a NUL character anywhere in a request', () => {
  it.each([
    ['GET', '/api/pipeline/runs/%00', undefined, 'params', 'run_id'],
    ['GET', '/api/pipeline/runs/r%00/tasks/train/logs', undefined, 'params', 'run_id'],
    ['POST', '/api/alerts/%00/acknowledge', {}, 'params', 'id'],
    ['GET', '/api/tracking/models/%00', undefined, 'params', 'name'],
    ['POST', '/chat', { message: 'hola\u0000' }, 'body', 'message'],
    [
      'POST',
      '/chat',
      { message: 'hola', history: [{ role: 'user', content: 'a\u0000' }] },
      'body',
      'history.0.content',
    ],
  ] as const)('%s %s is a 422 naming the field', async (method, url, payload, location, path) => {
    const res = await app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().issues).toContainEqual(
      expect.objectContaining({ location, path, type: 'nul_character' }),
    );
  });

  it('leaves the same requests without it as they were', async () => {
    expect((await app.inject({ url: '/api/pipeline/runs/no-such-run', headers: admin })).statusCode).toBe(
      404,
    );
    const ack = await app.inject({
      method: 'POST',
      url: '/api/alerts/12345/acknowledge',
      headers: admin,
      payload: {},
    });
    expect(ack.statusCode).toBe(404);
    const chat = await app.inject({ method: 'POST', url: '/chat', payload: { message: 'hola' } });
    expect(chat.statusCode).toBe(200);
  });

  it('does not look inside an uploaded file: a binary batch may hold any byte', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/admin/landing/week-2024-12-30.csv',
      payload: Buffer.from('customer_id,product_id\n1,\u00002\n'),
      headers: { ...admin, 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  });
});

describe('the tracking artifact route', () => {
  it('answers a refused or unknown artifact with a JSON error body', async () => {
    const unknown = await app.inject({
      url: '/api/tracking/runs/no-such-run/artifact?path=model.ubj',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'RUN_NOT_FOUND' });
    const refused = await app.inject({ url: '/api/tracking/runs/no-such-run/artifact?path=model.ubj' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
