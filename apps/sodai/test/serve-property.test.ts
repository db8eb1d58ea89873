import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { ADMIN_TOKEN, quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// Random bodies, query strings and paths against every route: whatever arrives, the answer is a
// 2xx or a 4xx with an error body — never a 500. Seeded, so a failure replays.
const SEED = 20240101;
const RUNS = 120;

let fx: ServeFixture;
let app: FastifyInstance;
let customers: number[];
let products: number[];

beforeAll(async () => {
  fx = await serveFixture();
  app = await quietServer(fx, { options: { rateLimit: false } });
  customers = (
    await queryRows(fx.store.connection, 'SELECT customer_id::DOUBLE AS id FROM customers LIMIT 20')
  ).map((r) => Number(r.id));
  products = (
    await queryRows(fx.store.connection, 'SELECT product_id::DOUBLE AS id FROM products LIMIT 20')
  ).map((r) => Number(r.id));
});

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

/** Ids that are known, unknown, negative, fractional, huge, or not numbers at all. */
const anyId = () =>
  fc.oneof(
    fc.constantFrom(...customers, ...products),
    fc.integer(),
    fc.double(),
    fc.constant(Number.MAX_SAFE_INTEGER + 2),
    fc.string(),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 2 }),
  );

/** Bodies shaped like the contract's, with random holes and wrong types, plus arbitrary JSON. */
const anyBody = () =>
  fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        customer_id: anyId(),
        product_id: anyId(),
        k: fc.oneof(fc.integer({ min: -5, max: 80 }), fc.string(), fc.double()),
        filters: fc.oneof(
          fc.record(
            { category: fc.string(), brand: fc.string(), segment: fc.jsonValue(), package: fc.string() },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
        exclude_recent: fc.oneof(fc.boolean(), fc.string()),
        pairs: fc.oneof(
          fc.array(fc.record({ customer_id: anyId(), product_id: anyId() }, { requiredKeys: [] }), {
            maxLength: 5,
          }),
          fc.jsonValue(),
        ),
        message: fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue()),
        lang: fc.oneof(fc.constantFrom('es', 'en'), fc.string()),
        version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string()),
        reason: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue()),
        to_version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string()),
      },
      { requiredKeys: [] },
    ),
  );

const anyQuery = () =>
  fc.oneof(
    fc.constant(''),
    fc
      .dictionary(
        fc.constantFrom('lang', 'shap', 'limit', 'offset', 'customer_id', 'predicted_only', 'x'),
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.integer().map(String),
          fc.constantFrom('en', 'es', 'exact', 'approx'),
        ),
        { maxKeys: 3 },
      )
      .map((q) => `?${new URLSearchParams(q).toString()}`),
  );

async function expectNoServerError(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  auth = false,
) {
  const res = await app.inject({
    method,
    url,
    ...(payload === undefined
      ? {}
      : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
    ...(auth
      ? {
          headers: {
            authorization: `Bearer ${ADMIN_TOKEN}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
        }
      : {}),
  });
  if (res.statusCode >= 500)
    throw new Error(`${method} ${url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`);
  if (res.statusCode >= 400 && res.statusCode !== 404) {
    expect(typeof res.json().code).toBe('string');
  }
  return res;
}

describe('random requests never get a 500', () => {
  for (const route of ['/predict', '/recommend', '/chat']) {
    it(`POST ${route} with random bodies and query strings`, async () => {
      await fc.assert(
        fc.asyncProperty(anyBody(), anyQuery(), async (body, query) => {
          await expectNoServerError('POST', `${route}${query}`, body);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it('POST /predict and /recommend with valid shapes and random ids answer 200 or 404', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...customers, 0, 1, 2 ** 40),
        fc.constantFrom(...products, 0, 3, 2 ** 41),
        fc.integer({ min: 1, max: 50 }),
        async (customer_id, product_id, k) => {
          const p = await expectNoServerError('POST', '/predict', { customer_id, product_id });
          expect([200, 404]).toContain(p.statusCode);
          const r = await expectNoServerError('POST', '/recommend', { customer_id, k });
          expect([200, 404]).toContain(r.statusCode);
          if (r.statusCode === 200) expect(r.json().recommendations.length).toBeLessThanOrEqual(k);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('raw random strings as JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('/predict', '/recommend', '/chat'),
        async (raw, url) => {
          const res = await app.inject({
            method: 'POST',
            url,
            payload: raw,
            headers: { 'content-type': 'application/json' },
          });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('GET read APIs with random query strings and path segments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/predictions',
          '/api/ingestions',
          '/api/serving',
          '/api/reports/ingest',
          '/api/reports/drift',
          '/ready',
          '/health',
        ),
        anyQuery(),
        fc.string({ maxLength: 20 }),
        async (route, query, segment) => {
          await expectNoServerError('GET', `${route}${query}`);
          await expectNoServerError(
            'GET',
            `/api/reports/${encodeURIComponent(segment)}/${encodeURIComponent(segment)}`,
          );
          await expectNoServerError('GET', `/api/tracking/runs/${encodeURIComponent(segment)}`);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('admin routes with and without the token and random bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/admin/promote', '/api/admin/rollback'),
        anyBody(),
        fc.boolean(),
        async (route, body, auth) => {
          await expectNoServerError('POST', route, body, auth);
        },
      ),
      // Each success moves the alias and reloads the snapshot: fewer runs keep the file quick.
      { seed: SEED, numRuns: 40 },
    );
  });
});
