/**
 * npm run bench:panel — the reference panel of ../shared/bench/panel-spec.md (customer × product ×
 * week, lags, rolling sums, recency, label) built in DuckDB from the real transactions and their
 * scaled copies (`--scales=1,4,16`). Writing the scaled copies is set-up; each build runs in its own
 * process, timed from reading the Parquet file to the finished panel in memory, with its peak RSS.
 * At 1× the column sums must match the spec's checksums.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDuckDb } from '../src/store/duckdb.ts';
import { measureChild, REAL_DIR } from './child.ts';
import { checksumMismatches, writeScaledTransactions } from './reference-panel.ts';

const scales = (process.argv.find((a) => a.startsWith('--scales='))?.split('=')[1] ?? '1,4,16')
  .split(',')
  .map(Number);
const source = path.join(REAL_DIR, 'transacciones.parquet');
if (!existsSync(source)) {
  console.log(`real data not found at ${REAL_DIR}: nothing to measure`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'sodai-bench-panel-'));
let failed = false;
try {
  console.log('| scale | transactions | panel rows | wall s | peak RSS MB | checksums |');
  console.log('|---|---|---|---|---|---|');
  for (const scale of scales) {
    const file = path.join(work, `transactions-x${scale}.parquet`);
    const db = await openDuckDb(':memory:');
    await writeScaledTransactions(db.connection, source, scale, file);
    db.close();
    const r = await measureChild(['panel', file]);
    const sums = r.checksums as Record<string, number>;
    let verdict = 'not checked (spec gives 1× only)';
    if (scale === 1) {
      const wrong = checksumMismatches(sums);
      verdict = wrong.length === 0 ? 'all match' : `MISMATCH: ${wrong.join(', ')}`;
      failed ||= wrong.length > 0;
    }
    console.log(
      `| ${scale}× | ${(r.transactions as number).toLocaleString('en')} | ${sums.rows!.toLocaleString('en')} | ` +
        `${(r.buildSeconds as number).toFixed(1)} | ${(r.maxRssMb as number).toFixed(0)} | ${verdict} |`,
    );
    if (scale === 1 && failed) console.log(JSON.stringify(sums));
    rmSync(file, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
