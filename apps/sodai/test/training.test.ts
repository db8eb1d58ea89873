import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { train } from '@sodai/xgboost';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { FEATURES } from '../src/contract/feature-vector.ts';
import { averagePrecision } from '../src/model/metrics.ts';
import { predictWeek } from '../src/jobs/predict.ts';
import { trainAndGate } from '../src/jobs/train-and-gate.ts';
import { weekContext } from '../src/jobs/week-context.ts';
import { restoreBaseline } from '../src/model/baselines.ts';
import { toDMatrix } from '../src/features/xgb-matrix.ts';
import { seededRandom as createRng } from '@sodai/random';
import { generateSmall, tempDir } from './helpers.ts';

const dir = tempDir();
const settings = {
  ...ConfigSchema.parse({}).model,
  nTrials: 2,
  trainWeeks: 6,
  validationWeeks: 2,
  exploreK: 5,
};
let store: RawStore;
let tracking: TrackingClient;

beforeAll(async () => {
  const { files } = await generateSmall(path.join(dir, 'data'), {
    customers: 250,
    products: 100,
    weeks: 20,
    seed: 4,
  });
  store = await RawStore.openDir(dir);
  await loadInitialData(store, files, {});
  tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
});
afterAll(async () => {
  await tracking.close();
  await store.close();
});

describe('training', () => {
  it('learns nothing from shuffled labels: PR-AUC falls to the base rate', async () => {
    const cutoffs = ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-01'];
    await buildDataset(store.connection, { cutoffs, lookbackWeeks: 12, exploreK: 5, table: 'shuffle_ds' });
    const trainSet = await readDatasetMatrix(store.connection, 'shuffle_ds', "cutoff < DATE '2024-04-01'");
    const testSet = await readDatasetMatrix(store.connection, 'shuffle_ds', "cutoff = DATE '2024-04-01'");
    const rng = createRng(5);
    const shuffled = Float32Array.from(trainSet.labels);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const fit = async (labels: Float32Array) => {
      const d = toDMatrix({ ...trainSet, labels });
      const { booster } = await train(
        { objective: 'binary:logistic', tree_method: 'hist', max_depth: 4, seed: 1 },
        d,
        { numBoostRound: 40 },
      );
      const t = toDMatrix(testSet);
      const ap = averagePrecision(booster.predict(t).values, testSet.labels);
      booster.dispose();
      d.dispose();
      t.dispose();
      return ap;
    };
    const baseRate = testSet.labels.reduce((a, b) => a + b, 0) / testSet.rows;
    const shuffledAp = await fit(shuffled);
    const realAp = await fit(trainSet.labels);
    expect(Math.abs(shuffledAp - baseRate)).toBeLessThan(0.35 * baseRate);
    expect(realAp).toBeGreaterThan(baseRate * 1.8);
  });

  it('promotes a challenger that passes the gate and keeps the champion when the next one does not', async () => {
    // A negative margin makes the first gate pass whatever this small model learned; a margin of 1
    // (F1 can never beat another by 1) makes the second fail: both branches are exercised for sure.
    const first = await trainAndGate(
      store.connection,
      tracking,
      { ...settings, gateMarginF1: -1 },
      { actor: 'test' },
    );
    expect(first.version).toBe(1);
    expect(first.baselines.map((b) => b.name)).toEqual([
      'popularity',
      'frequency',
      'recent_frequency',
      'bought_last_week',
      'k_of_n',
    ]);
    expect(first.model.f1.f1).toBeGreaterThan(0);
    expect(first.bootstrap.low).toBeLessThanOrEqual(first.bootstrap.difference);
    expect(first.gate).toMatchObject({ passed: true });
    expect(first.promoted).toBe(true);
    // The SHAP summary is TreeSHAP over a sample of the whole test week: every feature, finite, ≥ 0.
    const shap = JSON.parse(
      Buffer.from(await tracking.readArtifact(first.runId, 'shap_summary.json')).toString('utf8'),
    ) as Record<string, number>;
    expect(Object.keys(shap)).toEqual(FEATURES.map((f) => f.name));
    expect(Object.values(shap).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(Math.max(...Object.values(shap))).toBeGreaterThan(0);
    const runs = await tracking.searchRuns({ limit: 1000 });
    expect(runs.length).toBeGreaterThanOrEqual(1 + settings.nTrials);
    const history = await tracking.registry.getAliasHistory(MODEL_NAME, CHAMPION);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1 });

    const second = await trainAndGate(
      store.connection,
      tracking,
      { ...settings, gateMarginF1: 1 },
      { actor: 'test' },
    );
    expect(second.version).toBe(2);
    expect(second.gate).toMatchObject({
      passed: false,
      championVersion: 1,
      testCutoff: first.gate.testCutoff,
    });
    expect(second.gate.championF1).toBeCloseTo(first.model.f1.f1, 10);
    expect(second.promoted).toBe(false);
    expect(await tracking.registry.getAliasHistory(MODEL_NAME, CHAMPION)).toHaveLength(1);
    expect((await tracking.registry.getAlias(MODEL_NAME, CHAMPION)).version).toBe(1);
  });

  it('predicts the next 7 days and writes the distributor CSV, highest score first', async () => {
    const rule = restoreBaseline(
      (await trainAndGate(store.connection, tracking, settings)).fittedBaselines[0]!,
    );
    const csv = path.join(dir, 'next.csv');
    const week = await weekContext(store.connection, settings, { store });
    const outcome = await predictWeek(week, { kind: 'rule', rule }, { csvPath: csv });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines.length).toBe(outcome.predicted);
    expect(lines.every((l) => /^\d+,\d+$/.test(l))).toBe(true);
    const rows = await queryRows(
      store.connection,
      `SELECT customer_id, product_id, score, rank_in_customer FROM predictions
       WHERE predicted AND cutoff = DATE '${outcome.cutoff}' AND model_version = ${outcome.modelVersion}
       ORDER BY score DESC, customer_id, product_id`,
    );
    expect(rows.map((r) => `${r.customer_id},${r.product_id}`)).toEqual(lines);
    const [ranks] = await queryRows(
      store.connection,
      `SELECT count(*) FILTER (WHERE rank_in_customer = 1) AS firsts, count(DISTINCT customer_id) AS customers
       FROM predictions WHERE cutoff = DATE '${outcome.cutoff}' AND model_version = ${outcome.modelVersion}`,
    );
    expect(ranks!.firsts).toBe(ranks!.customers);
  });
});
