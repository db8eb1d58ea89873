/**
 * npm run bench:data — generator throughput and peak memory at 1×, 10× and 100× the real data's
 * size (customers scaled; 971 products, 53 weeks), and ingest + validation time on the real data.
 * Each job runs in its own process so its peak RSS is its own. `--scales 1,10` picks sizes.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureChild as child, REAL_CUSTOMERS, REAL_DIR } from './child.ts';

const scalesArg = process.argv.find((a) => a.startsWith('--scales='))?.split('=')[1] ?? '1,10,100';
const scales = scalesArg.split(',').map(Number);

const work = mkdtempSync(path.join(tmpdir(), 'sodai-bench-data-'));
try {
  console.log(
    '| scale | customers | transactions | truth rows | seconds | rows/s (transactions) | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const scale of scales) {
    const customers = REAL_CUSTOMERS * scale;
    const out = path.join(work, `x${scale}`);
    const r = await child(['generate', String(customers), '971', '53', out]);
    const rows = r.rows as number;
    const seconds = r.seconds as number;
    console.log(
      `| ${scale}× | ${customers.toLocaleString('en')} | ${rows.toLocaleString('en')} | ${(r.truthRows as number).toLocaleString('en')} | ${seconds.toFixed(1)} | ${Math.round(rows / seconds).toLocaleString('en')} | ${(r.maxRssMb as number).toFixed(0)} |`,
    );
    rmSync(out, { recursive: true, force: true });
  }
  if (existsSync(path.join(REAL_DIR, 'transacciones.parquet'))) {
    const r = await child(['ingest', REAL_DIR, path.join(work, 'store.duckdb')]);
    console.log(
      `\nreal data ingest + validation: ${(r.rows as number).toLocaleString('en')} transactions validated and stored in ` +
        `${((r.transactionsMs as number) / 1000).toFixed(2)} s (customers + products + transactions: ${(r.seconds as number).toFixed(2)} s, ` +
        `peak RSS ${(r.maxRssMb as number).toFixed(0)} MB), outcomes ${(r.outcomes as string[]).join('/')}`,
    );
  } else {
    console.log('\nreal data not found beside the project: ingest benchmark skipped');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
