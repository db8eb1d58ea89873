/**
 * Every documented route, fed malformed ids, queries and bodies, answers a 4xx with a JSON
 * `{ code, message }` body: never a 500, a stack trace or "[object Object]". The routes are read
 * from the server's own OpenAPI document, so a route added later is covered without editing this
 * file. (Written after fuzzing a `sodai serve` on Postgres turned up 19 such 500s.)
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

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly requestBody?: unknown;
}

const BAD_IDS = [
  '%00',
  'x%00y',
  '-1',
  '99999999999999999999',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(300),
  '%E2%82',
];
const BAD_QUERY_VALUES = ['%00', 'abc', '-5', '1e999', '[1]', 'a'.repeat(300)];
// None of these can be a valid body of any route, so no admin action is started by this test.
const BAD_BODIES = [
  '{bad json',
  '[]',
  '"text"',
  'null',
  '{"message":"a\\u0000"}',
  '{"x":{"y":{"z":[1,{"w":null}]}}}',
];

/** Sends every malformed request once; returns how many and what answered badly. */
async function fuzzEveryRoute(
  auth: Record<string, string>,
): Promise<{ requests: number; failures: string[] }> {
  const doc = (await app.inject({ url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  const failures: string[] = [];
  let requests = 0;
  for (const [route, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const upload = route.includes('landing');
      const urls: string[] = [];
      if (pathParams.length > 0) {
        for (const id of BAD_IDS)
          urls.push(pathParams.reduce((u, name) => u.replace(`{${name}}`, id), route));
      }
      const base = pathParams.reduce((u, name) => u.replace(`{${name}}`, 'x'), route);
      if (queryParams.length > 0) {
        for (const v of BAD_QUERY_VALUES)
          urls.push(`${base}?${queryParams.map((q) => `${q}=${v}`).join('&')}`);
      }
      const bodies = op.requestBody !== undefined && !upload ? BAD_BODIES : [undefined];
      if (urls.length === 0) urls.push(base);
      for (const url of urls) {
        for (const body of bodies) {
          if (pathParams.length === 0 && queryParams.length === 0 && body === undefined) continue;
          requests += 1;
          const res = await app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(body !== undefined ? { payload: body } : {}),
          });
          const where = `${method.toUpperCase()} ${url.slice(0, 120)}${body ? ` ${body.slice(0, 40)}` : ''}`;
          if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if (res.statusCode >= 400) {
            const parsed = (() => {
              try {
                return res.json() as { code?: unknown; message?: unknown };
              } catch {
                return undefined;
              }
            })();
            if (typeof parsed?.code !== 'string' || typeof parsed.message !== 'string')
              failures.push(
                `${where}: ${res.statusCode} without a JSON code and message: ${res.body.slice(0, 80)}`,
              );
            if (/\n\s+at /.test(res.body)) failures.push(`${where}: a stack trace in the body`);
          }
        }
      }
    }
  }
  return { requests, failures };
}

describe('every documented route, on malformed input', () => {
  it('answers a 4xx with a JSON code and message to an admin', async () => {
    const { requests, failures } = await fuzzEveryRoute(admin);
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers a 4xx with a JSON code and message to a caller without a token', async () => {
    const { requests, failures } = await fuzzEveryRoute({});
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 120_000);
});
