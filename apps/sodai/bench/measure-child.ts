/**
 * One measured job in its own process, so peak RSS belongs to that job alone. Prints one JSON line.
 *   generate <customers> <products> <weeks> <outDir>
 *   ingest <dataDir> <storeFile>
 *   dataset <storeFile> <cutoffCount> [native]   (the training plan's last N cut-offs; `native`: over
 *     a copy of the tables in DuckDB's own file format, the single-file layout before the shared store)
 *   train <storeFile> <dataDir> <settingsJson>   (model settings over the defaults)
 *   plain-fit <transactionsFile>      (one 200-round XGBoost fit on the reference panel: the yardstick)
 *   panel <transactionsFile>          (the reference panel of ../shared/bench/panel-spec.md)
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { generateData } from '../src/data/generator/generate.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { openSharedStore } from '../src/store/shared-store.ts';
import { openTracking } from '@sodai/tracking';
import { DMatrix, train as xgbTrain } from '@sodai/xgboost';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { latestPurchaseDate } from '../src/store/transactions-queries.ts';
import { trainAndGate } from '../src/jobs/train-and-gate.ts';
import { planCutoffs } from '../src/features/cutoff-plan.ts';
import { openDuckDb, queryRows, readFileSql } from '../src/store/duckdb.ts';
import { buildReferencePanel, panelChecksums } from './reference-panel.ts';

/**
 * The store a job works on: embedded in `dir`, or with its objects in the S3 bucket named by
 * SODAI_OBJECT_STORE (reached through the standard AWS variables) and its catalog in `dir`.
 */
async function openBenchStore(dir: string, memoryLimit?: string): Promise<RawStore> {
  const objectStore = process.env.SODAI_OBJECT_STORE;
  if (!objectStore) return RawStore.openDir(dir, memoryLimit);
  const config = ConfigSchema.parse({
    dataDir: dir,
    objectStore,
    ...(memoryLimit !== undefined ? { storeMemoryLimit: memoryLimit } : {}),
  });
  return RawStore.open(await openSharedStore(config, { env: process.env }), { ownsShared: true });
}

/**
 * The store's tables copied (untimed) into one DuckDB file, opened with the same cap: the reference
 * the Parquet-snapshot store is compared with in the same run.
 */
async function nativeCopy(storeDir: string, memoryLimit: string) {
  const file = path.join(storeDir, 'native-reference.duckdb');
  rmSync(file, { force: true });
  const store = await openBenchStore(storeDir, memoryLimit);
  await store.connection.run(`ATTACH '${file}' AS native_ref`);
  for (const table of ['customers', 'products', 'transactions'])
    await store.connection.run(`CREATE TABLE native_ref.${table} AS SELECT * FROM ${table}`);
  await store.connection.run('DETACH native_ref');
  await store.close();
  return openDuckDb(file, { memory_limit: memoryLimit });
}

const [job, ...args] = process.argv.slice(2);
const started = performance.now();
let result: Record<string, unknown>;
if (job === 'generate') {
  const [customers, products, weeks, outDir] = args;
  const generated = await generateData({
    customers: Number(customers),
    products: Number(products),
    weeks: Number(weeks),
    start: '2024-01-01',
    seed: 1,
    outDir: outDir!,
  });
  result = { rows: generated.rows.transactions, truthRows: generated.rows.truth };
} else if (job === 'ingest') {
  const [dataDir, storeFile] = args;
  const store = await openBenchStore(storeFile!);
  const reports = await loadInitialData(
    store,
    {
      customers: path.join(dataDir!, 'clientes.parquet'),
      products: path.join(dataDir!, 'productos.parquet'),
      transactions: path.join(dataDir!, 'transacciones.parquet'),
    },
    {},
  );
  await store.close();
  const tx = reports.find((r) => r.table === 'transactions')!;
  result = { rows: tx.rows.read, transactionsMs: tx.durationMs, outcomes: reports.map((r) => r.outcome) };
} else if (job === 'dataset') {
  const [storeFile, count, layout] = args;
  // The app's default cap (config storeMemoryLimit), so the figure is what a user gets.
  const memoryLimit = ConfigSchema.parse({}).storeMemoryLimit;
  const store =
    layout === 'native'
      ? await nativeCopy(storeFile!, memoryLimit)
      : await openBenchStore(storeFile!, memoryLimit);
  const plan = planCutoffs(await latestPurchaseDate(store.connection), {
    trainWeeks: 12,
    validationWeeks: 3,
  });
  const cutoffs = [...plan.trainCutoffs, ...plan.validationCutoffs, plan.testCutoff].slice(-Number(count));
  const t0 = performance.now();
  const summary = await buildDataset(store.connection, {
    cutoffs,
    lookbackWeeks: 52,
    exploreK: 20,
    table: 'bench_ds',
  });
  const buildSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const matrix = await readDatasetMatrix(store.connection, 'bench_ds');
  const readSeconds = (performance.now() - t1) / 1000;
  await store.close();
  const coverage = summary.coverage.reduce((s, c) => s + c.share, 0) / summary.coverage.length;
  result = {
    rows: summary.rows,
    cutoffs: cutoffs.length,
    buildSeconds,
    readSeconds,
    matrixRows: matrix.rows,
    coverage,
  };
} else if (job === 'train') {
  const [storeFile, dataDir, overrides] = args;
  const store = await RawStore.openDir(storeFile!);
  const tracking = await openTracking({ dataDir: dataDir!, databaseUrl: '' });
  const settings = { ...ConfigSchema.parse({}).model, ...(JSON.parse(overrides ?? '{}') as object) };
  const outcome = await trainAndGate(store.connection, tracking, settings, { actor: 'bench' });
  await tracking.close();
  await store.close();
  result = {
    settings,
    testCutoff: outcome.plan.testCutoff,
    trainWeeks: outcome.plan.trainCutoffs.length,
    modelF1: outcome.model.f1.f1,
    modelPrAuc: outcome.model.prAuc,
    coverage: outcome.coverage.at(-1)?.share,
    baselines: Object.fromEntries(outcome.baselines.map((b) => [b.name, b.f1.f1])),
    gainLow: outcome.bootstrap.low,
    gainHigh: outcome.bootstrap.high,
    gate: outcome.gate.reason,
  };
} else if (job === 'plain-fit') {
  const [file] = args;
  const db = await openDuckDb(':memory:');
  await buildReferencePanel(db.connection, file!);
  const columns = [
    'orders_lag1',
    'orders_lag2',
    'orders_lag3',
    'orders_lag4',
    'items_lag1',
    'items_lag2',
    'items_lag3',
    'items_lag4',
    'orders_roll4',
    'orders_roll8',
    'items_roll4',
    'items_roll8',
    'weeks_since_last',
  ];
  const rows = await db.connection.runAndReadAll(
    `SELECT ${columns.map((c) => `${c}::FLOAT`).join(', ')}, label::FLOAT FROM panel WHERE label IS NOT NULL`,
  );
  const data = rows.getColumns();
  db.close();
  const n = data[0]!.length;
  const x = new Float32Array(n * columns.length);
  const y = new Float32Array(n);
  for (let j = 0; j < columns.length; j++) {
    const column = data[j]!;
    for (let i = 0; i < n; i++)
      x[i * columns.length + j] = column[i] === null ? Number.NaN : Number(column[i]);
  }
  for (let i = 0; i < n; i++) y[i] = Number(data[columns.length]![i]);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const d = DMatrix.fromDense(x, { ncol: columns.length, label: y });
  const fit = await xgbTrain(
    { objective: 'binary:logistic', tree_method: 'hist', max_depth: 6, eta: 0.1, nthread: 0 },
    d,
    {
      numBoostRound: 200,
    },
  );
  const cpu = process.cpuUsage(cpu0);
  fit.booster.dispose();
  d.dispose();
  result = {
    rows: n,
    features: columns.length,
    fitSeconds: (performance.now() - t0) / 1000,
    fitCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
} else if (job === 'panel') {
  const [file] = args;
  const db = await openDuckDb(':memory:');
  await buildReferencePanel(db.connection, file!);
  const buildSeconds = (performance.now() - started) / 1000;
  const checksums = await panelChecksums(db.connection);
  const [tx] = await queryRows(db.connection, `SELECT count(*) AS n FROM ${readFileSql(file!)}`);
  db.close();
  result = { buildSeconds, checksums, transactions: Number(tx!.n) };
} else {
  throw new Error(`unknown job ${job}`);
}
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(
  `${JSON.stringify({ ...result, seconds, cpuSeconds, maxRssMb: usage.maxRSS / 1024 })}\n`,
);
