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
import { averagePrecision } from '../src/model/metrics.ts';
import { predictNextWeek } from '../src/jobs/predict.ts';
import { trainAndGate } from '../src/jobs/train.ts';
import { toDMatrix } from '../src/model/xgb-search.ts';
import { createRng } from '../src/util/rng.ts';
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
  await generateSmall(path.join(dir, 'data'), { customers: 250, products: 100, weeks: 20, seed: 4 });
  store = await RawStore.open(path.join(dir, 'store.duckdb'));
  await loadInitialData(
    store,
    {
      customers: path.join(dir, 'data', 'clientes.parquet'),
      products: path.join(dir, 'data', 'productos.parquet'),
      transactions: path.join(dir, 'data', 'transacciones.parquet'),
    },
    {},
  );
  tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
});
afterAll(async () => {
  await tracking.close();
  store.close();
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

  it('trains, registers a version and moves champion only through the gate', async () => {
    const first = await trainAndGate(store.connection, tracking, settings, { actor: 'test' });
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
    const runs = await tracking.searchRuns({ limit: 1000 });
    expect(runs.length).toBeGreaterThanOrEqual(1 + settings.nTrials);
    const history = await tracking.registry.getAliasHistory(MODEL_NAME, CHAMPION).catch(() => []);
    if (first.gate.passed) {
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ version: 1 });
    } else {
      expect(history).toHaveLength(0);
    }

    const second = await trainAndGate(store.connection, tracking, settings, { actor: 'test' });
    expect(second.version).toBe(2);
    expect(second.gate.testCutoff).toBe(first.gate.testCutoff);
    if (first.gate.passed) expect(second.gate.championVersion).toBe(1);
    const after = await tracking.registry.getAliasHistory(MODEL_NAME, CHAMPION).catch(() => []);
    expect(after.length).toBe(history.length + (second.gate.passed ? 1 : 0));
  });

  it('predicts the next 7 days and writes the distributor CSV, highest score first', async () => {
    const fallback = (await trainAndGate(store.connection, tracking, settings)).fittedBaselines[0]!;
    const csv = path.join(dir, 'next.csv');
    const outcome = await predictNextWeek(store.connection, tracking, settings, { csvPath: csv, fallback });
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
