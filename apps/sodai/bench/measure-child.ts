/**
 * One measured job in its own process, so peak RSS belongs to that job alone. Prints one JSON line.
 *   generate <customers> <products> <weeks> <outDir>
 *   ingest <dataDir> <storeFile>
 */
import path from 'node:path';
import { generateData } from '../src/data/generator/generate.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/data/raw-store.ts';

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
} else {
  throw new Error(`unknown job ${job}`);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ ...result, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
