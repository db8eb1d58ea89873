/**
 * One measured job in its own process, so peak RSS belongs to that job alone. Prints one JSON line.
 *   generate <customers> <products> <weeks> <outDir>
 *   ingest <dataDir> <storeFile>
 *   dataset <storeFile> <cutoffCount>   (the training plan's last N cut-offs)
 *   train <storeFile> <dataDir> <trials>
 *   panel <transactionsFile>          (the reference panel of ../shared/bench/panel-spec.md)
 */
import path from 'node:path';
import { generateData } from '../src/data/generator/generate.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { openTracking } from '@sodai/tracking';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { buildDataset } from '../src/features/dataset-builder.ts';
import { readDatasetMatrix } from '../src/features/dataset-matrix.ts';
import { latestPurchaseDate } from '../src/store/transactions-queries.ts';
import { trainAndGate } from '../src/jobs/train-and-gate.ts';
import { planCutoffs } from '../src/features/cutoff-plan.ts';
import { openDuckDb, queryRows, readFileSql } from '../src/store/duckdb.ts';
import { buildReferencePanel, panelChecksums } from './reference-panel.ts';

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
  const store = await RawStore.open(storeFile!);
  const reports = await loadInitialData(
    store,
    {
      customers: path.join(dataDir!, 'clientes.parquet'),
      products: path.join(dataDir!, 'productos.parquet'),
      transactions: path.join(dataDir!, 'transacciones.parquet'),
    },
    {},
  );
  store.close();
  const tx = reports.find((r) => r.table === 'transactions')!;
  result = { rows: tx.rows.read, transactionsMs: tx.durationMs, outcomes: reports.map((r) => r.outcome) };
} else if (job === 'dataset') {
  const [storeFile, count] = args;
  // The app's default cap (config storeMemoryLimit), so the figure is what a user gets.
  const store = await RawStore.open(storeFile!, { memoryLimit: ConfigSchema.parse({}).storeMemoryLimit });
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
  store.close();
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
  const [storeFile, dataDir, trials] = args;
  const store = await RawStore.open(storeFile!);
  const tracking = await openTracking({ dataDir: dataDir!, databaseUrl: '' });
  const settings = { ...ConfigSchema.parse({}).model, nTrials: Number(trials) };
  const outcome = await trainAndGate(store.connection, tracking, settings, { actor: 'bench' });
  await tracking.close();
  store.close();
  result = {
    trials: settings.nTrials,
    testCutoff: outcome.plan.testCutoff,
    modelF1: outcome.model.f1.f1,
    modelPrAuc: outcome.model.prAuc,
    baselines: Object.fromEntries(outcome.baselines.map((b) => [b.name, b.f1.f1])),
    gainLow: outcome.bootstrap.low,
    gainHigh: outcome.bootstrap.high,
    gate: outcome.gate.reason,
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
process.stdout.write(
  `${JSON.stringify({ ...result, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
