import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { train } from '@sodai/xgboost';
import { ConfigSchema, type SodaiConfig } from '../src/config/config-schema.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { openSharedStore } from '../src/store/shared-store.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { CHAMPION, MODEL_NAME, purchaseModelSignature } from '../src/model/registry.ts';
import { latestPurchaseDate } from '../src/store/transactions-queries.ts';
import { planCutoffs } from '../src/features/cutoff-plan.ts';
import { toDMatrix } from '../src/features/xgb-matrix.ts';
import { PREDICTION_TABLE } from '../src/features/prediction-dataset.ts';
import { generateData } from '../src/data/generator/generate.ts';
import type { SodaiConfigInput } from '../src/config/config-schema.ts';

export interface ServedStore {
  readonly dir: string;
  readonly config: SodaiConfig;
  readonly store: RawStore;
  readonly tracking: TrackingClient;
  /** Registered versions: v1 (the champion) and v2 (a different model, not promoted). */
  readonly versions: readonly [number, number];
  close(): Promise<void>;
}

/** The three initial files a served store loads. */
export interface ServedStoreData {
  readonly customers: string;
  readonly products: string;
  readonly transactions: string;
}

/**
 * A small store in `dir` with the next week's candidate features and two tiny registered models, v1
 * the champion. Trained directly (a few trees each) so it builds in a few seconds. Free of vitest, so
 * the serve tests' fixture and the chat bench share it. Loads `data` when given (the chat bench
 * passes the real data), otherwise a generated 120-customer, 20-week set. With a Postgres
 * `databaseUrl` in `config` the catalog and the registry live there (objects and artifacts stay in
 * `dir`).
 */
export async function buildServedStore(
  dir: string,
  config: SodaiConfigInput = {},
  data?: ServedStoreData,
): Promise<ServedStore> {
  const files = data ?? (await generatedFiles(path.join(dir, 'data')));
  const parsed = ConfigSchema.parse({ ...servedConfig(dir), ...config });
  const store = parsed.databaseUrl
    ? await RawStore.open(await openSharedStore(parsed), { ownsShared: true })
    : await RawStore.openDir(dir);
  await loadInitialData(store, files, {});
  const plan = await fixturePlan(store);
  await buildPredictionRows(store, plan.predictCutoff);
  await buildDataset(store.connection, {
    cutoffs: [...plan.trainCutoffs, plan.testCutoff],
    lookbackWeeks: 12,
    exploreK: 5,
    table: 'serve_train',
  });
  const trainSet = toDMatrix(await readDatasetMatrix(store.connection, 'serve_train'));
  const tracking = await openTracking({ dataDir: dir, databaseUrl: parsed.databaseUrl ?? '' });
  const register = async (params: Record<string, number>, rounds: number, threshold: number) => {
    const { booster } = await train(
      { objective: 'binary:logistic', tree_method: 'hist', seed: 1, max_cat_to_onehot: 8, ...params },
      trainSet,
      { numBoostRound: rounds },
    );
    const run = await tracking.startRun({ experiment: 'serve-test' });
    await run.logArtifact('model.ubj', booster.toBuffer('ubj'), 'application/ubjson');
    await run.end('FINISHED');
    booster.dispose();
    const version = await tracking.registry.createModelVersion({
      modelName: MODEL_NAME,
      runId: run.id,
      artifactPath: 'model.ubj',
      signature: purchaseModelSignature(threshold),
    });
    return version.version;
  };
  const v1 = await register({ max_depth: 3, eta: 0.3 }, 15, 0.3);
  const v2 = await register({ max_depth: 2, eta: 0.1 }, 5, 0.4);
  trainSet.dispose();
  await tracking.registry.setAlias(MODEL_NAME, CHAMPION, v1, { actor: 'test', reason: 'fixture' });
  return served(dir, parsed, store, tracking, [v1, v2]);
}

/**
 * Opens a served store that {@link buildServedStore} built and closed in `dir` (or a copy of that
 * folder: the store keeps no absolute path of its own), with `config` as it was built with, and builds
 * its next week's candidate rows again (they live in the connection, not in the folder). Only for
 * a store in its folder: a catalog in Postgres cannot be copied with the folder.
 */
export async function openServedStore(dir: string, config: SodaiConfigInput = {}): Promise<ServedStore> {
  const parsed = ConfigSchema.parse({ ...servedConfig(dir), ...config });
  if (parsed.databaseUrl) throw new Error('openServedStore: a Postgres catalog is not in the folder');
  const store = await RawStore.openDir(dir);
  await buildPredictionRows(store, (await fixturePlan(store)).predictCutoff);
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  const versions = (await tracking.registry.listModelVersions(MODEL_NAME))
    .map((v) => v.version)
    .sort((a, b) => a - b);
  if (versions.length !== 2)
    throw new Error(`openServedStore: ${dir} holds ${versions.length} versions, not 2`);
  return served(dir, parsed, store, tracking, [versions[0]!, versions[1]!]);
}

const fixturePlan = async (store: RawStore) =>
  planCutoffs(await latestPurchaseDate(store.connection), { trainWeeks: 4, validationWeeks: 1 });

/** The next week's candidate rows, built in the store's own connection (never committed to the catalog). */
async function buildPredictionRows(store: RawStore, cutoff: string): Promise<void> {
  await buildDataset(store.connection, {
    cutoffs: [cutoff],
    lookbackWeeks: 12,
    exploreK: 5,
    table: PREDICTION_TABLE,
  });
}

const servedConfig = (dir: string) => ({
  dataDir: dir,
  model: { lookbackWeeks: 12, exploreK: 5 },
  logLevel: 'silent',
});

function served(
  dir: string,
  config: SodaiConfig,
  store: RawStore,
  tracking: TrackingClient,
  versions: readonly [number, number],
): ServedStore {
  return {
    dir,
    config,
    store,
    tracking,
    versions,
    async close() {
      await tracking.close();
      await store.close();
    },
  };
}

async function generatedFiles(outDir: string): Promise<ServedStoreData> {
  await generateData({ customers: 120, products: 60, weeks: 20, start: '2024-01-01', seed: 7, outDir });
  return {
    customers: path.join(outDir, 'clientes.parquet'),
    products: path.join(outDir, 'productos.parquet'),
    transactions: path.join(outDir, 'transacciones.parquet'),
  };
}
