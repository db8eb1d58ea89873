import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DMatrix } from '@sodai/xgboost';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../src/contract/feature-vector.ts';
import { ERROR_CODES } from '../src/contract/error-codes.ts';
import { queryNumber, queryRows } from '../src/store/duckdb.ts';
import { loadAliasedModel } from '../src/model/registry.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { registryModelProvider } from '../src/scoring/model-holder.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { commitRows } from './helpers.ts';
import { ADMIN_TOKEN, quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

let fx: ServeFixture;
let app: FastifyInstance;
/** A customer with history (several candidate rows) and one of its candidate products. */
let customer: number;
let product: number;
/** A known product that is not among that customer's candidates. */
let otherProduct: number;
const COLD_CUSTOMER = 99_999_001;

interface OpenApiOperation {
  readonly operationId?: string;
  readonly responses?: Record<string, unknown>;
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers });

beforeAll(async () => {
  fx = await serveFixture();
  // A registered customer with no purchases: recommendations must fall back to popular products.
  await commitRows(
    fx.store,
    'customers',
    `SELECT * FROM customers UNION ALL
     (SELECT ${COLD_CUSTOMER}, region_id, zone_id, customer_type, "Y", "X",
       num_deliver_per_week, num_visit_per_week FROM customers LIMIT 1)`,
    'replace',
  );
  const [row] = await queryRows(
    fx.store.connection,
    `SELECT customer_id::DOUBLE AS c, count(*) AS n FROM prediction_dataset WHERE from_history
     GROUP BY 1 ORDER BY n DESC, c LIMIT 1`,
  );
  customer = Number(row!.c);
  product = Number(
    (
      await queryRows(
        fx.store.connection,
        `SELECT min(product_id)::DOUBLE AS p FROM prediction_dataset WHERE customer_id = ${customer}`,
      )
    )[0]!.p,
  );
  otherProduct = Number(
    (
      await queryRows(
        fx.store.connection,
        `SELECT min(product_id)::DOUBLE AS p FROM products WHERE product_id NOT IN
         (SELECT product_id FROM prediction_dataset WHERE customer_id = ${customer})`,
      )
    )[0]!.p,
  );
  app = await quietServer(fx, {
    // Reads open, as before roles: who may read what is tested in serve-faults.test.ts.
    config: { ...fx.config, server: { ...fx.config.server, publicRead: 'all' } },
  });
});

afterAll(async () => {
  await app?.close();
  await fx?.close();
});

describe('readiness', () => {
  it('answers 503 on /ready and /predict until a model is loaded, then 200', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const inner = registryModelProvider(new DbLane(fx.store.connection), fx.tracking, fx.config.model);
    const slow = await buildServer({
      config: fx.config,
      store: fx.store,
      tracking: fx.tracking,
      modelProvider: {
        championVersion: () => inner.championVersion(),
        load: async () => {
          await gate;
          return inner.load();
        },
      },
      options: { logger: false, pollIntervalMs: 0, predictionLog: false, defaultMetrics: false },
    });
    try {
      const before = await slow.inject({ method: 'GET', url: '/ready' });
      expect(before.statusCode).toBe(503);
      expect(before.json()).toMatchObject({ ready: false, model_version: null });
      const predict = await slow.inject({
        method: 'POST',
        url: '/predict',
        payload: { customer_id: customer, product_id: product },
      });
      expect(predict.statusCode).toBe(503);
      expect(predict.json().code).toBe('MODEL_NOT_READY');
      expect(predict.json().message).toMatch(/^no model is serving yet/);
      expect((await slow.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      open();
      await slow.serving.initialLoad;
      const after = await slow.inject({ method: 'GET', url: '/ready' });
      expect(after.statusCode).toBe(200);
      expect(after.json()).toMatchObject({ ready: true, model_version: fx.versions[0] });
    } finally {
      await slow.close();
    }
  });
});

describe('POST /predict', () => {
  it("scores a candidate pair with the champion's probability, decision and readable SHAP", async () => {
    const res = await post('/predict', { customer_id: customer, product_id: product });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The same row scored independently through a DMatrix must give the same probability.
    const rows = await queryRows(
      fx.store.connection,
      `SELECT ${FEATURES.map((f) => `"${f.name}"::DOUBLE AS "${f.name}"`).join(', ')} FROM prediction_dataset
       WHERE customer_id = ${customer} AND product_id = ${product}`,
    );
    const x = Float32Array.from(
      FEATURES.map((f) => (rows[0]![f.name] === null ? NaN : Number(rows[0]![f.name]))),
    );
    const model = (await loadAliasedModel(fx.tracking))!;
    const d = DMatrix.fromDense(x, {
      ncol: FEATURES.length,
      featureNames: FEATURES.map((f) => f.name),
      featureTypes: FEATURES.map((f) => (f.type === 'categorical' ? 'c' : 'float')),
      enableCategorical: true,
    });
    const expected = model.booster.predict(d, { iterationRange: 'best' }).values[0]!;
    d.dispose();
    model.booster.dispose();
    expect(body.probability).toBeCloseTo(expected, 6);
    expect(body).toMatchObject({
      customer_id: customer,
      product_id: product,
      model_version: fx.versions[0],
      threshold: 0.3,
      will_buy: expected >= 0.3,
      candidate: true,
      contributions_method: 'approx',
    });
    expect(body.contributions.length).toBeGreaterThan(0);
    expect(body.contributions.length).toBeLessThanOrEqual(5);
    const spanish = FEATURES.find((f) => f.name === body.contributions[0].feature)!;
    expect(body.contributions[0].label.startsWith(spanish.label.es)).toBe(true);
    // Each value says what it counts, as the feature contract does.
    for (const c of body.contributions as { feature: string; unit: string }[]) {
      expect(c.unit).toBe(FEATURES.find((f) => f.name === c.feature)!.unit);
    }
    const magnitudes = body.contributions.map((c: { contribution: number }) => Math.abs(c.contribution));
    expect([...magnitudes].sort((a, b) => b - a)).toEqual(magnitudes);
  });

  it('answers in English with ?lang=en or Accept-Language: en', async () => {
    for (const res of [
      await post('/predict?lang=en', { customer_id: customer, product_id: product }),
      await post(
        '/predict',
        { customer_id: customer, product_id: product },
        { 'accept-language': 'en-GB,en;q=0.8' },
      ),
    ]) {
      const c = res.json().contributions[0];
      const spec = FEATURES.find((f) => f.name === c.feature)!;
      expect(c.label.startsWith(spec.label.en)).toBe(true);
    }
  });

  it('computes exact TreeSHAP on request and refuses it for batches over 10 pairs', async () => {
    const res = await post('/predict?shap=exact', { customer_id: customer, product_id: product });
    expect(res.statusCode).toBe(200);
    expect(res.json().contributions_method).toBe('exact');
    const tooMany = await post('/predict?shap=exact', {
      pairs: Array.from({ length: 11 }, () => ({ customer_id: customer, product_id: product })),
    });
    expect(tooMany.statusCode).toBe(422);
  });

  it('scores a known pair outside the candidates on the fly', async () => {
    const res = await post('/predict', { customer_id: customer, product_id: otherProduct });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ candidate: false, model_version: fx.versions[0] });
    expect(res.json().probability).toBeGreaterThan(0);
    expect(res.json().probability).toBeLessThan(1);
  });

  it('answers a batch in request order', async () => {
    const pairs = [
      { customer_id: customer, product_id: otherProduct },
      { customer_id: customer, product_id: product },
    ];
    const res = await post('/predict', { pairs });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.model_version).toBe(fx.versions[0]);
    expect(body.predictions.map((p: { product_id: number }) => p.product_id)).toEqual([
      otherProduct,
      product,
    ]);
  });

  it('a batch scored on the fly answers what each pair answers alone (pairs explained together)', async () => {
    // More pairs than one slicer step holds, candidates and not, in both languages.
    const rows = await queryRows(
      fx.store.connection,
      `SELECT c.customer_id::DOUBLE AS c, p.product_id::DOUBLE AS p FROM customers c CROSS JOIN products p
       WHERE c.customer_id <> ${COLD_CUSTOMER} ORDER BY hash(c.customer_id, p.product_id) LIMIT 40`,
    );
    const pairs = [
      ...rows.map((r) => ({ customer_id: Number(r.c), product_id: Number(r.p) })),
      { customer_id: customer, product_id: product },
    ];
    for (const lang of ['es', 'en']) {
      const batch = await post(`/predict?lang=${lang}`, { pairs });
      expect(batch.statusCode).toBe(200);
      const predictions = batch.json().predictions as { candidate: boolean }[];
      expect(predictions.filter((p) => !p.candidate).length).toBeGreaterThan(16);
      for (const [i, pair] of pairs.entries()) {
        const alone = await post(`/predict?lang=${lang}`, pair);
        expect(predictions[i]).toEqual(alone.json());
      }
    }
  });

  it('404 names the unknown customer or product ids', async () => {
    const c = await post('/predict', { customer_id: 123456789, product_id: product });
    expect(c.statusCode).toBe(404);
    expect(c.json()).toMatchObject({ code: 'UNKNOWN_CUSTOMER' });
    expect(c.json().message).toContain('123456789');
    const p = await post('/predict', { customer_id: customer, product_id: 987654321 });
    expect(p.statusCode).toBe(404);
    expect(p.json()).toMatchObject({ code: 'UNKNOWN_PRODUCT' });
    expect(p.json().message).toContain('987654321');
    const batch = await post('/predict', {
      pairs: [
        { customer_id: 11111111, product_id: product },
        { customer_id: customer, product_id: 22222222 },
      ],
    });
    expect(batch.statusCode).toBe(404);
    expect(batch.json().message).toContain('11111111');
    expect(batch.json().message).toContain('22222222');
  });

  it('bulk bodies that arrive together are validated one per event-loop turn (a cold first burst held /health)', async () => {
    // Eight 1,000-pair bodies arriving at once were all validated back to back in one poll phase:
    // 63-100 ms on the first burst after a start, /health waiting behind all of them. A timer set
    // when the first answer is written must fire before the second body is looked at.
    const unknownPairs = (id: number) => ({
      pairs: Array.from({ length: 100 }, () => ({ customer_id: id, product_id: product })),
    });
    const order: string[] = [];
    const first = post('/predict', unknownPairs(31_000_001)).then((res) => {
      order.push(`first ${res.statusCode}`);
      setTimeout(() => order.push('turn'), 0);
      const until = performance.now() + 3; // the timer is due before the loop could turn again
      while (performance.now() < until);
    });
    const second = post('/predict', unknownPairs(31_000_002)).then((res) => {
      order.push(`second ${res.statusCode}`);
    });
    await Promise.all([first, second]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(['first 404', 'turn', 'second 404']);
  });

  it('422 lists every failing field with location, path, message and type', async () => {
    const res = await post('/predict', { customer_id: 'abc', product_id: -3 });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('INVALID_ARGUMENT');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'body', path: 'customer_id', type: 'invalid_type' }),
        expect.objectContaining({ location: 'body', path: 'product_id', type: 'too_small' }),
      ]),
    );
    const batch = await post('/predict', { pairs: [{ customer_id: 1 }] });
    expect(batch.json().issues).toEqual([
      expect.objectContaining({ location: 'body', path: 'pairs.0.product_id', type: 'invalid_type' }),
    ]);
    const query = await post('/predict?lang=fr', { customer_id: customer, product_id: product });
    expect(query.statusCode).toBe(422);
    expect(query.json().issues[0]).toMatchObject({ location: 'querystring', path: 'lang' });
  });

  it('malformed JSON, wrong content type and oversized bodies are 4xx, not 500', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/predict',
      payload: '{"customer_id": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MALFORMED_BODY');
    expect(bad.json().issues[0].location).toBe('body');
    const text = await app.inject({
      method: 'POST',
      url: '/predict',
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    // Text is read as a string, which then fails the body's schema.
    expect(text.statusCode).toBe(422);
    const xml = await app.inject({
      method: 'POST',
      url: '/predict',
      payload: '<pair/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect([xml.statusCode, xml.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const big = await post('/predict', {
      pairs: Array.from({ length: 5000 }, () => ({ customer_id: customer, product_id: product })),
    });
    expect([big.statusCode, big.json().code]).toEqual([413, 'BODY_TOO_LARGE']);
  });
});

describe('POST /recommend', () => {
  it('ranks the customer’s products by score with attributes and a reason', async () => {
    const res = await post('/recommend', { customer_id: customer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      customer_id: customer,
      model_version: fx.versions[0],
      served_by: { kind: 'model', model_version: fx.versions[0], rule: null },
      cold_start: false,
    });
    expect(body.recommendations).toHaveLength(5);
    const scores = body.recommendations.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.recommendations.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const r of body.recommendations) {
      expect(r).toMatchObject({ source: 'model', rule: null });
      expect(r.reason.length).toBeGreaterThan(5);
      expect(r.attributes).toHaveProperty('brand');
    }
    // Each model score is the pair's /predict probability.
    const top = body.recommendations[0];
    const p = await post('/predict', { customer_id: customer, product_id: top.product_id });
    expect(p.json().probability).toBe(top.score);
  });

  it('reasons read like "buys about every N weeks; last bought M weeks ago"', async () => {
    const res = await post('/recommend?lang=en', { customer_id: customer, k: 50 });
    const reasons: string[] = res.json().recommendations.map((r: { reason: string }) => r.reason);
    expect(
      reasons.some((r) =>
        /^(buys about every \d+ weeks|buys almost every week); last bought \d+ weeks? ago$/.test(r),
      ),
    ).toBe(true);
  });

  it('applies filters and exclude_recent', async () => {
    const all = (await post('/recommend', { customer_id: customer, k: 50 })).json().recommendations;
    const pkg: string = all[0].attributes.package;
    const filtered = (
      await post('/recommend', { customer_id: customer, k: 50, filters: { package: pkg.toLowerCase() } })
    ).json().recommendations;
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) expect(r.attributes.package).toBe(pkg);
    const recent = await queryRows(
      fx.store.connection,
      `SELECT product_id::DOUBLE AS p FROM prediction_dataset WHERE customer_id = ${customer} AND pair_weeks_1 > 0`,
    );
    const excluded = (await post('/recommend', { customer_id: customer, k: 50, exclude_recent: true })).json()
      .recommendations;
    const ids = new Set(excluded.map((r: { product_id: number }) => r.product_id));
    for (const r of recent) expect(ids.has(Number(r.p))).toBe(false);
  });

  it('gives a customer without history a cold-start list of popular products', async () => {
    const res = await post('/recommend', { customer_id: COLD_CUSTOMER, k: 3 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.cold_start).toBe(true);
    expect(body.recommendations.length).toBe(3);
    for (const r of body.recommendations) {
      expect(r.source).toBe('popular');
      expect(r.reason).toMatch(/popular/);
    }
  });

  it('validates k and rejects unknown customers', async () => {
    expect((await post('/recommend', { customer_id: customer, k: 51 })).statusCode).toBe(422);
    expect((await post('/recommend', { customer_id: customer, k: 0 })).statusCode).toBe(422);
    const unknown = await post('/recommend', { customer_id: 424242 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('424242');
  });
});

describe('POST /chat', () => {
  it('answers the required questions in Spanish and English from the data', async () => {
    const c = fx.store.connection;
    const customers = await queryNumber(c, 'SELECT count(*) FROM customers');
    const products = await queryNumber(c, 'SELECT count(*) FROM products');
    const lines = await queryNumber(c, `SELECT count(*) FROM transactions WHERE customer_id = ${customer}`);
    const ask = async (message: string) => (await post('/chat', { message })).json();
    const n = (v: number, lang: 'es' | 'en') =>
      new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US').format(v);

    const es1 = await ask('¿Cuántos clientes únicos hay?');
    expect(es1).toMatchObject({ intent: 'count_customers', lang: 'es' });
    expect(es1.answer).toContain(n(customers, 'es'));
    const es2 = await ask(`¿Cuántas transacciones ha realizado el cliente ${customer}?`);
    expect(es2.intent).toBe('customer_history');
    expect(es2.data.lines).toBe(lines);
    expect(es2.answer).toContain(n(lines, 'es'));
    const es3 = await ask('¿Cuántos productos únicos hay?');
    expect(es3.intent).toBe('count_products');
    expect(es3.answer).toContain(n(products, 'es'));
    const es4 = await ask(`¿Qué le recomiendas al cliente ${customer}?`);
    expect(es4.intent).toBe('recommend');
    const top = (await post('/recommend', { customer_id: customer })).json().recommendations[0];
    expect(es4.answer).toContain(`producto ${top.product_id}`);

    const en1 = await ask('How many unique customers are there?');
    expect(en1).toMatchObject({ intent: 'count_customers', lang: 'en' });
    expect(en1.answer).toContain(n(customers, 'en'));
    const en2 = await ask(`How many transactions has customer ${customer} made?`);
    expect(en2).toMatchObject({ intent: 'customer_history', lang: 'en' });
    expect(en2.answer).toContain(n(lines, 'en'));
    expect((await ask('How many unique products are there?')).answer).toContain(n(products, 'en'));
    const en4 = await ask(`What do you recommend to customer ${customer}?`);
    expect(en4).toMatchObject({ intent: 'recommend', lang: 'en' });
    expect(en4.answer).toContain(`product ${top.product_id}`);
  });

  it('says so for unknown customers and unknown questions', async () => {
    const unknown = (await post('/chat', { message: '¿Qué le recomiendas al cliente 424242?' })).json();
    expect(unknown.answer).toContain('424242');
    expect(unknown.data.known).toBe(false);
    const other = (await post('/chat', { message: 'what is the weather like?' })).json();
    expect(other.intent).toBe('unknown');
  });
});

describe('read APIs', () => {
  it('/api/serving describes the serving snapshot', async () => {
    const body = (await app.inject({ method: 'GET', url: '/api/serving' })).json();
    const rows = await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_dataset');
    expect(body).toMatchObject({ model_version: fx.versions[0], candidate_pairs: rows, threshold: 0.3 });
  });

  it('mounts runs, models and alias history under /api/tracking', async () => {
    const models = (await app.inject({ method: 'GET', url: '/api/tracking/models' })).json();
    expect(models.map((m: { name: string }) => m.name)).toContain('weekly-purchase');
    const history = await app.inject({
      method: 'GET',
      url: '/api/tracking/models/weekly-purchase/aliases/champion/history',
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().length).toBeGreaterThan(0);
    const write = await app.inject({
      method: 'POST',
      url: '/api/tracking/experiments',
      payload: { name: 'x' },
    });
    expect(write.statusCode).toBe(401);
  });

  it('lists and reads reports, refusing path tricks', async () => {
    const dir = path.join(fx.dir, 'reports', 'drift');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'week-2024-05-06.json'), JSON.stringify({ drift: true }));
    const list = (await app.inject({ method: 'GET', url: '/api/reports/drift' })).json();
    expect(list.map((r: { name: string }) => r.name)).toContain('week-2024-05-06');
    const one = await app.inject({ method: 'GET', url: '/api/reports/drift/week-2024-05-06' });
    expect(one.json()).toEqual({ drift: true });
    expect((await app.inject({ method: 'GET', url: '/api/reports/drift/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/reports/drift/..%2F..%2Fsecret' })).statusCode).toBe(
      422,
    );
    expect((await app.inject({ method: 'GET', url: '/api/reports/other' })).statusCode).toBe(422);
  });

  it('/api/predictions reads the stored predictions and /api/ingestions the log', async () => {
    const empty = (await app.inject({ method: 'GET', url: '/api/predictions' })).json();
    expect(empty).toEqual({ cutoff: null, total: 0, predictions: [] });
    await fx.store.connection.run('CREATE TEMP TABLE new_predictions AS SELECT * FROM predictions LIMIT 0');
    await fx.store.connection.run(
      `INSERT INTO new_predictions VALUES (DATE '2030-01-07', ${customer}, ${product}, 0.9, 1, true, 1, now()::TIMESTAMP),
                                      (DATE '2030-01-07', ${customer}, ${otherProduct}, 0.1, 2, false, 1, now()::TIMESTAMP)`,
    );
    await commitRows(fx.store, 'predictions', 'SELECT * FROM new_predictions');
    const res = (
      await app.inject({ method: 'GET', url: `/api/predictions?customer_id=${customer}&predicted_only=true` })
    ).json();
    expect(res).toMatchObject({ cutoff: '2030-01-07', total: 1 });
    expect(res.predictions[0]).toMatchObject({ customer_id: customer, product_id: product, predicted: true });
    const ingestions = (await app.inject({ method: 'GET', url: '/api/ingestions?limit=5' })).json();
    expect(ingestions.length).toBeGreaterThan(0);
  });
});

describe('admin APIs', () => {
  it('need the bearer token', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Basic ${ADMIN_TOKEN}`]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/admin/promote',
        payload: { version: fx.versions[1] },
        headers: auth ? { authorization: auth } : {},
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('promote switches the answers to the new version; rollback switches back', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const promoted = await post('/api/admin/promote', { version: fx.versions[1], reason: 'test' }, auth);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ version: fx.versions[1], serving_version: fx.versions[1] });
    const p = await post('/predict', { customer_id: customer, product_id: product });
    expect(p.json()).toMatchObject({ model_version: fx.versions[1], threshold: 0.4 });
    const back = await post('/api/admin/rollback', { reason: 'test rollback' }, auth);
    expect(back.json()).toMatchObject({ version: fx.versions[0], serving_version: fx.versions[0] });
    expect(
      (await post('/predict', { customer_id: customer, product_id: product })).json().model_version,
    ).toBe(fx.versions[0]);
    const missing = await post('/api/admin/promote', { version: 999 }, auth);
    expect(missing.statusCode).toBe(404);
  });

  it('uploads a batch to the landing folder', async () => {
    const bytes = Buffer.from('customer_id,product_id,order_id,purchase_date,items\n1,2,3,2024-01-01,1\n');
    const res = await app.inject({
      method: 'PUT',
      url: '/api/admin/landing/week-2030-01-07.csv',
      payload: bytes,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(201);
    const file = path.join(fx.dir, 'landing', 'week-2030-01-07.csv');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file)).toEqual(bytes);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/admin/landing/..%2Fescape.csv',
      payload: bytes,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
    });
    expect(bad.statusCode).toBe(422);
  });
});

describe('ops', () => {
  it('/metrics counts requests by route, predictions by version, and the model age', async () => {
    await post('/predict', { customer_id: customer, product_id: product });
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/sodai_http_requests_total\{method="POST",route="\/predict",status="200"\} \d+/);
    expect(text).toMatch(
      /sodai_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/predict"\}/,
    );
    expect(text).toMatch(
      new RegExp(`sodai_predictions_total\\{model_version="${fx.versions[0]}",route="predict"\\} \\d+`),
    );
    expect(text).toMatch(/sodai_model_age_seconds \d/);
    expect(text).toMatch(new RegExp(`sodai_model_version ${fx.versions[0]}`));
    // Native memory the heap metrics do not show: the snapshot's reads went through this DuckDB.
    const duckDb = Number(/^sodai_duckdb_memory_bytes (\S+)$/m.exec(text)?.[1]);
    expect(duckDb).toBeGreaterThan(0);
  });

  it('/docs serves an OpenAPI document generated from the zod contract', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const predict = doc.paths['/predict'].post;
    // The request schema is the zod contract's: one pair or a batch of pairs, each field named.
    const body = JSON.stringify(predict.requestBody.content['application/json'].schema);
    for (const field of ['customer_id', 'product_id', 'pairs']) expect(body).toContain(`"${field}"`);
    expect(Object.keys(predict.responses)).toContain('200');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/recommend', '/chat', '/ready', '/api/admin/promote', '/api/tracking/models']),
    );
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('logs every answered pair to prediction_log in batches', async () => {
    await app.serving.log!.flush();
    const before = await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log');
    await post('/predict', { customer_id: customer, product_id: product });
    await post('/recommend', { customer_id: customer, k: 3 });
    await app.serving.log!.flush();
    const rows = await queryRows(
      fx.store.connection,
      `SELECT route, customer_id::DOUBLE AS c, product_id::DOUBLE AS p, score, rank, model_version, latency_ms
       FROM prediction_log ORDER BY logged_at DESC, route LIMIT 4`,
    );
    expect(await queryNumber(fx.store.connection, 'SELECT count(*) FROM prediction_log')).toBe(before + 4);
    expect(rows.filter((r) => r.route === 'recommend')).toHaveLength(3);
    const p = rows.find((r) => r.route === 'predict')!;
    expect(p).toMatchObject({ c: customer, p: product, model_version: fx.versions[0] });
    expect(Number(p.latency_ms)).toBeGreaterThanOrEqual(0);
  });

  it('keeps CORS closed by default and opens it for configured origins', async () => {
    const closed = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const open = await buildServer({
      config: fx.config,
      store: fx.store,
      tracking: fx.tracking,
      options: {
        logger: false,
        pollIntervalMs: 0,
        corsOrigins: ['https://ui.example'],
        predictionLog: false,
      },
    });
    try {
      const res = await open.inject({
        method: 'GET',
        url: '/health',
        headers: { origin: 'https://ui.example' },
      });
      expect(res.headers['access-control-allow-origin']).toBe('https://ui.example');
    } finally {
      await open.close();
    }
  });

  it('rate-limits public routes but not /health', async () => {
    const limited = await buildServer({
      config: fx.config,
      store: fx.store,
      tracking: fx.tracking,
      options: {
        logger: false,
        pollIntervalMs: 0,
        rateLimit: { max: 2, timeWindowMs: 60_000 },
        predictionLog: false,
      },
    });
    try {
      await limited.serving.initialLoad;
      const codes = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          (await limited.inject({ method: 'POST', url: '/recommend', payload: { customer_id: customer } }))
            .statusCode,
        );
      }
      expect(codes).toEqual([200, 200, 429]);
      for (let i = 0; i < 3; i++)
        expect((await limited.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('request logs', () => {
  it('by default log one line per request on cold routes and none on hot ones; `all` logs those too', async () => {
    const linesFor = async (requestLog: 'cold' | 'all') => {
      const lines: { msg: string; url?: string }[] = [];
      const logger = pino(
        { level: 'info' },
        { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string; url?: string }) },
      );
      const server = await buildServer({
        config: { ...fx.config, server: { ...fx.config.server, requestLog } },
        store: fx.store,
        tracking: fx.tracking,
        options: { loggerInstance: logger, pollIntervalMs: 0, predictionLog: false, defaultMetrics: false },
      });
      try {
        await server.serving.initialLoad;
        for (let i = 0; i < 5; i++)
          await server.inject({
            method: 'POST',
            url: '/predict',
            payload: { customer_id: customer, product_id: product },
          });
        await server.inject({ method: 'GET', url: '/health' });
        await server.inject({ method: 'GET', url: '/api/serving' });
      } finally {
        await server.close();
      }
      return lines.filter((l) => l.msg === 'request').map((l) => l.url);
    };
    expect(await linesFor('cold')).toEqual(['/api/serving']);
    const all = await linesFor('all');
    expect(all.filter((u) => u?.startsWith('/predict'))).toHaveLength(5);
    expect(all).toContain('/health');
  });
});

describe('one error shape and the OpenAPI document', () => {
  it('every documented operation has a unique operationId and declares the error body', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, OpenApiOperation>>).flatMap(
      ([url, methods]) => Object.entries(methods).map(([method, op]) => ({ where: `${method} ${url}`, op })),
    );
    expect(operations.length).toBeGreaterThan(20);
    const missing = operations.filter(({ op }) => !op.operationId).map((o) => o.where);
    expect(missing).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/tracking/runs/{runId}'].get.operationId).toBe('getApiTrackingRunsByRunId');
    const withoutErrors = operations.filter(({ op }) => !op.responses?.['4XX']).map((o) => o.where);
    expect(withoutErrors).toEqual([]);
    const withoutSuccess = operations
      .filter(({ op }) => !Object.keys(op.responses ?? {}).some((code) => code.startsWith('2')))
      .map((o) => o.where);
    expect(withoutSuccess).toEqual([]);
    const runDetails = doc.paths['/api/tracking/runs/{runId}'].get.responses['200'];
    expect(Object.keys(runDetails.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['run', 'params', 'latestMetrics', 'artifacts']),
    );
    const artifact = doc.paths['/api/tracking/runs/{runId}/artifact'].get.responses['200'];
    expect(artifact.content['application/octet-stream'].schema).toMatchObject({ format: 'binary' });
    expect(Object.keys(doc.paths['/metrics'].get.responses['200'].content)).toEqual(['text/plain']);
    expect(JSON.stringify(doc.paths['/predict'].post.responses['4XX'])).toContain('"code"');
  });

  it('answers every error in one shape, tracking routes and unknown routes included', async () => {
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/api/tracking/runs/nope' }),
      app.inject({ method: 'GET', url: '/api/tracking/runs?limit=0' }),
      app.inject({ method: 'POST', url: '/recommend', payload: { customer_id: 424242 } }),
      app.inject({ method: 'GET', url: '/no/such/route' }),
    ]);
    expect(answers.map((a) => [a.statusCode, a.json().code])).toEqual([
      [404, 'RUN_NOT_FOUND'],
      [422, 'INVALID_ARGUMENT'],
      [404, 'UNKNOWN_CUSTOMER'],
      [404, 'NOT_FOUND'],
    ]);
    for (const a of answers) {
      expect(Object.keys(a.json()).sort()).toEqual(expect.arrayContaining(['code', 'message']));
      expect(a.json()).not.toHaveProperty('error');
      expect(Object.keys(ERROR_CODES)).toContain(a.json().code);
    }
    expect(answers[1]!.json().issues[0]).toMatchObject({ location: 'querystring', path: 'limit' });
  });
});
