// `npm run bench:prediction-log`: what one prediction-log flush costs as a server keeps writing,
// with the log's small files merged (the default, fan-in 16) and appended for ever (fan-in 0, as
// before). A busy server flushes every second; each flush commits a segment, and the commit copies
// the table's whole file list in the catalog and re-reads it into the server's view. Prints the
// time per flush at the start and the end, the files in the table and the catalog's file-list rows.
// FLUSHES (default 2000) and ROWS (rows per flush, default 200) set the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { PredictionLog, PREDICTION_LOG_TABLE } from '../src/monitor/prediction-log.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { queryNumber } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';

const FLUSHES = Number(process.env.FLUSHES ?? 2000);
const ROWS = Number(process.env.ROWS ?? 200);
const WINDOW = 100;

async function measure(fanIn: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sodai-bench-log-'));
  const store = await RawStore.openDir(dir, '1GB');
  const log = await PredictionLog.open(new DbLane(store.connection), store, {
    flushIntervalMs: 3_600_000,
    compactionFanIn: fanIn,
  });
  const times: number[] = [];
  const rssBefore = process.memoryUsage.rss() / 2 ** 20;
  try {
    for (let flush = 0; flush < FLUSHES; flush++) {
      for (let i = 0; i < ROWS; i++) log.record('predict', flush, i, 0.5, true, 0, 1, 0.2);
      const t = performance.now();
      await log.flush();
      times.push(performance.now() - t);
    }
    await log.close();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const files = store.read[PREDICTION_LOG_TABLE]?.files.length ?? 0;
    const rows = await queryNumber(store.connection, 'SELECT count(*) FROM prediction_log');
    const duckDbMb =
      (await queryNumber(store.connection, 'SELECT sum(memory_usage_bytes) FROM duckdb_memory()')) / 2 ** 20;
    console.log(
      `fan-in ${fanIn === 0 ? '0 (append only)' : fanIn}: ${FLUSHES} flushes of ${ROWS} rows; ms per flush, ` +
        `first ${WINDOW} ${mean(times.slice(0, WINDOW)).toFixed(1)}, last ${WINDOW} ${mean(times.slice(-WINDOW)).toFixed(1)}; ` +
        `${files} files in the table, ${rows} rows (expected ${FLUSHES * ROWS}), ${log.compactions} merges; ` +
        `RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB (from ${rssBefore.toFixed(0)}), the writer's DuckDB ${duckDbMb.toFixed(1)} MB`,
    );
    if (rows !== FLUSHES * ROWS) process.exitCode = 1;
  } finally {
    await store.close();
  }
  const catalog = new Database(path.join(dir, 'catalog.db'), { readonly: true });
  const listed = catalog.prepare('SELECT count(*) AS n FROM catalog_snapshot_files').get() as { n: number };
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`  the catalog lists ${listed.n} (snapshot, file) rows`);
}

await measure(16);
await measure(0);
