/**
 * npm run bench:train — the whole tune + train + evaluate + gate on the real 2024 data with 30 TPE
 * trials (`--trials=N`), in its own process: wall time, peak RSS, test-week F1 beside the baselines.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureChild, REAL_DIR } from './child.ts';

const trials = process.argv.find((a) => a.startsWith('--trials='))?.split('=')[1] ?? '30';
if (!existsSync(path.join(REAL_DIR, 'transacciones.parquet'))) {
  console.log(`real data not found at ${REAL_DIR}: nothing to measure`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'sodai-bench-train-'));
try {
  const storeFile = path.join(work, 'store.duckdb');
  await measureChild(['ingest', REAL_DIR, storeFile]);
  const r = await measureChild(['train', storeFile, work, trials]);
  console.log(
    `tune + train + evaluate on the real data, ${r.trials} trials: ${(r.seconds as number).toFixed(0)} s, peak RSS ${(r.maxRssMb as number).toFixed(0)} MB`,
  );
  console.log(
    `test week from ${r.testCutoff}: model F1 ${(r.modelF1 as number).toFixed(4)}, PR-AUC ${(r.modelPrAuc as number).toFixed(4)}`,
  );
  for (const [name, f1] of Object.entries(r.baselines as Record<string, number>))
    console.log(`  baseline ${name}: F1 ${f1.toFixed(4)}`);
  console.log(
    `F1 gain over the best baseline, 95% bootstrap interval: ${(r.gainLow as number).toFixed(4)} … ${(r.gainHigh as number).toFixed(4)}`,
  );
  console.log(`gate: ${r.gate}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
