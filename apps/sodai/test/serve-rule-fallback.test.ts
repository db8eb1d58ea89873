import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { train } from '@sodai/xgboost';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { weekContext } from '../src/jobs/week-context.ts';
import { predictWeek, predictWithChampion } from '../src/jobs/predict.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { CHAMPION, loadAliasedModel, MODEL_NAME, purchaseModelSignature } from '../src/model/registry.ts';
import { fitRuleRates, ruleRate } from '../src/model/rule-rates.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { toDMatrix } from '../src/features/xgb-matrix.ts';
import type { FastifyInstance } from 'fastify';
import { commitRepeatedWeek, generateSmall, tempDir } from './helpers.ts';

describe('what a rule score means', () => {
  it('turns each score into the share of such pairs bought, rising with the score', () => {
    const scores = Float32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    const labels = Float32Array.of(0, 0, 0, 1, 1, 1, 0, 1);
    const rates = fitRuleRates(scores, labels, 0.5);
    expect(ruleRate(rates, 0)).toBeCloseTo(0.25);
    expect(ruleRate(rates, 1)).toBeCloseTo(0.75);
  });

  it('pools neighbouring scores whose rates fall, so a higher score never reads as less likely', () => {
    const scores = Float32Array.of(1, 1, 2, 2, 3, 3);
    const labels = Float32Array.of(0, 1, 0, 0, 1, 1);
    const rates = fitRuleRates(scores, labels, Infinity, 10);
    expect(ruleRate(rates, 1)).toBeCloseTo(0.25);
    expect(ruleRate(rates, 2)).toBeCloseTo(0.25);
    expect(ruleRate(rates, 3)).toBeCloseTo(1);
  });
});

describe('serving while no model has passed the gate', () => {
  const dir = tempDir('sodai-rule-serve-');
  const config = ConfigSchema.parse({
    dataDir: dir,
    logLevel: 'silent',
    model: { trainWeeks: 4, validationWeeks: 2, exploreK: 5, lookbackWeeks: 12 },
  });
  let store: RawStore;
  let tracking: TrackingClient;
  let app: FastifyInstance;

  beforeAll(async () => {
    const { files } = await generateSmall(path.join(dir, 'data'), {
      customers: 150,
      products: 60,
      weeks: 20,
      seed: 11,
    });
    store = await RawStore.openDir(dir);
    await loadInitialData(store, files, {});
    tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
    // What `sodai predict` does on a first install: no champion, so the best rule predicts.
    const week = await weekContext(store.connection, config.model, { store });
    const outcome = await predictWithChampion(week, undefined);
    expect(outcome.modelVersion).toBe(0);
    app = await buildServer({ config, store, tracking, options: { pollIntervalMs: 0 } });
    await app.serving.initialLoad;
  });
  afterAll(async () => {
    await app.close();
    await tracking.close();
    await store.close();
  });

  /** Trains a small model on `job`'s store, makes it champion and predicts the week with it there. */
  async function trainPromoteAndPredict(job: RawStore): Promise<number> {
    const cutoffs = ['2024-03-25', '2024-04-01', '2024-04-08'];
    await buildDataset(job.connection, { cutoffs, lookbackWeeks: 12, exploreK: 5, table: 'rule_fb_train' });
    const trainSet = toDMatrix(await readDatasetMatrix(job.connection, 'rule_fb_train'));
    const { booster } = await train(
      { objective: 'binary:logistic', tree_method: 'hist', seed: 1, max_cat_to_onehot: 8, max_depth: 3 },
      trainSet,
      { numBoostRound: 10 },
    );
    trainSet.dispose();
    const run = await tracking.startRun({ experiment: 'rule-fallback-test' });
    await run.logArtifact('model.ubj', booster.toBuffer('ubj'), 'application/ubjson');
    await run.end('FINISHED');
    booster.dispose();
    const { version } = await tracking.registry.createModelVersion({
      modelName: MODEL_NAME,
      runId: run.id,
      artifactPath: 'model.ubj',
      signature: purchaseModelSignature(0.3),
    });
    await tracking.registry.setAlias(MODEL_NAME, CHAMPION, version, { actor: 'test', reason: 'fixture' });
    await predictWithTheChampion(job);
    return version;
  }

  /** What the weekly run's predict task does on `job`'s store: the champion scores the next week. */
  async function predictWithTheChampion(job: RawStore): Promise<void> {
    const champion = (await loadAliasedModel(tracking, CHAMPION))!;
    try {
      await predictWeek(await weekContext(job.connection, config.model, { store: job }), {
        kind: 'model',
        model: champion,
      });
    } finally {
      champion.booster.dispose();
    }
  }

  it('is ready and says which rule serves and why, in the asked language', async () => {
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      ready: true,
      model_version: 0,
      served_by: { kind: 'rule', model_version: null, reason: 'no_champion' },
    });
    const es = (await app.inject({ method: 'GET', url: '/api/serving?lang=es' })).json();
    const en = (await app.inject({ method: 'GET', url: '/api/serving?lang=en' })).json();
    expect(es.served_by.rule).toBe(en.served_by.rule);
    expect(es.served_by.rule_description).not.toBe(en.served_by.rule_description);
    expect(es.served_by.rule_description.length).toBeGreaterThan(5);
  });

  it('answers /predict and /recommend from the rule, the will-buy flags as the rule predicted', async () => {
    const stored = await queryRows(
      store.connection,
      `SELECT customer_id::INTEGER AS c, product_id::INTEGER AS p, predicted FROM predictions
       WHERE model_version = 0 ORDER BY score DESC, customer_id, product_id LIMIT 5`,
    );
    expect(stored.length).toBe(5);
    for (const row of stored) {
      const res = await app.inject({
        method: 'POST',
        url: '/predict',
        payload: { customer_id: row.c, product_id: row.p },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.model_version).toBe(0);
      expect(body.will_buy).toBe(row.predicted);
      expect(body.probability).toBeGreaterThan(0);
      expect(body.probability).toBeLessThan(1);
      expect(body.contributions).toEqual([]);
    }
    const rec = await app.inject({
      method: 'POST',
      url: '/recommend',
      payload: { customer_id: stored[0]!.c },
    });
    expect(rec.statusCode).toBe(200);
    expect(rec.json().recommendations.length).toBeGreaterThan(0);
    const chat = await app.inject({
      method: 'POST',
      url: '/chat',
      payload: { message: '¿Qué modelo está en servicio?', lang: 'es' },
    });
    expect(chat.json().answer).toMatch(/regla/);
  });

  it('says a rule, not the model, ranked /recommend while no model has passed the gate', async () => {
    const [top] = await queryRows(
      store.connection,
      `SELECT customer_id::INTEGER AS c FROM predictions WHERE model_version = 0 ORDER BY score DESC LIMIT 1`,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/recommend?lang=en',
      payload: { customer_id: top!.c, k: 50 },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const rule = (await app.inject({ method: 'GET', url: '/api/serving' })).json().served_by.rule;
    expect(body.served_by).toMatchObject({ kind: 'rule', rule, reason: 'no_champion' });
    const ranked = body.recommendations.filter((r: { source: string }) => r.source !== 'popular');
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) expect(r).toMatchObject({ source: 'rule', rule });
    expect(body.recommendations.some((r: { source: string }) => r.source === 'model')).toBe(false);
  });

  it("chat's recommendations show the rule's probability while a rule serves", async () => {
    const [top] = await queryRows(
      store.connection,
      `SELECT customer_id::INTEGER AS c FROM predictions WHERE model_version = 0 ORDER BY score DESC LIMIT 1`,
    );
    const reply = (
      await app.inject({
        method: 'POST',
        url: '/chat',
        payload: { message: `what should I offer customer ${top!.c}?` },
      })
    ).json();
    expect(reply.intent).toBe('recommend');
    const ranked = reply.data.recommendations.filter((r: { from: string }) => r.from === 'rule');
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) expect(r.probability).toBeTypeOf('number');
  });

  it('swaps to the model once one is champion and has predicted the week', async () => {
    // The pipeline's own store, as in production: sharing the server's connection outside its lane
    // let a chat-log write cut the prediction's dataset read short ("read 0 of 900 rows").
    const job = await RawStore.openDir(dir);
    let version: number;
    try {
      version = await trainPromoteAndPredict(job);
    } finally {
      await job.close();
    }
    const outcome = await app.serving.holder.poll();
    expect(outcome).toMatchObject({ swapped: true, version });
    const ready = (await app.inject({ method: 'GET', url: '/ready' })).json();
    expect(ready.served_by).toMatchObject({ kind: 'model', model_version: version });
  });

  it('serves the week the same champion predicted in another process, once its week is in', async () => {
    // `sodai run weekly` from a shell beside `sodai serve`: nothing is promoted, so the alias does not
    // move, but the champion predicted the next week; the server kept the week before.
    const served = (await app.inject({ method: 'GET', url: '/api/serving' })).json();
    const job = await RawStore.openDir(dir);
    try {
      await commitRepeatedWeek(job);
      await predictWithTheChampion(job);
    } finally {
      await job.close();
    }
    const outcome = await app.serving.holder.poll();
    expect(outcome).toMatchObject({ swapped: true, version: served.model_version });
    const now = (await app.inject({ method: 'GET', url: '/api/serving' })).json();
    expect(now.cutoff).toBe(plusDays(served.cutoff, 7));
    expect((await app.serving.holder.poll()).swapped).toBe(false);
  });
});

const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
