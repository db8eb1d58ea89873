// npm run bench:tracking — logs 100 runs × 50 metrics × 100 steps (500 000 points) through the client
// with batching, then asks for the top 10 runs by a metric's latest value; on SQLite and, when reachable,
// Postgres. The reference is the same top-10 answered from the raw metrics table (no latest_metrics).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { seededRandom } from '@sodai/random';
import { serviceGate } from '@sodai/testing';
import { LocalArtifactStore } from '../src/artifacts/local-artifact-store.ts';
import { TrackingClient } from '../src/client.ts';
import { openPostgresStore } from '../src/postgres.ts';
import { openSqliteStore } from '../src/sqlite.ts';
import type { KyselyTrackingStore } from '../src/store/kysely-store.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const METRICS = 50;
const STEPS = 100;
const BATCH = Number(process.env.BENCH_BATCH ?? 5000);
const QUERY_REPS = 20;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function bench(label: string, store: KyselyTrackingStore, dir: string): Promise<void> {
  const client = await TrackingClient.open({
    store,
    artifacts: new LocalArtifactStore(join(dir, 'artifacts')),
    metricBatchSize: BATCH,
    flushIntervalMs: 3_600_000,
  });
  const rand = seededRandom(42);
  const keys = Array.from({ length: METRICS }, (_, k) => `m${String(k).padStart(2, '0')}`);
  const t0 = performance.now();
  for (let r = 0; r < RUNS; r++) {
    const run = await client.startRun({
      experiment: 'bench',
      name: `run-${r}`,
      params: { r, lr: 0.1, depth: 6 },
    });
    for (let step = 0; step < STEPS; step++) {
      const values: Record<string, number> = {};
      for (const k of keys) values[k] = rand();
      await run.logMetrics(values, step, 1_700_000_000_000 + step);
    }
    await run.end();
  }
  const logMs = performance.now() - t0;
  const points = RUNS * METRICS * STEPS;

  const exp = await client.getExperimentByName('bench');
  const top = async () =>
    client.searchRuns({
      experimentIds: [exp.id],
      orderBy: [{ field: { kind: 'metric', key: 'm07' }, direction: 'desc' }],
      limit: 10,
    });
  const fast = await top();
  const times: number[] = [];
  for (let i = 0; i < QUERY_REPS; i++) {
    const s = performance.now();
    await top();
    times.push(performance.now() - s);
  }

  // Reference: the same question from the raw points (latest step per run), as a store without a
  // latest-value table would have to answer it.
  const raw = async () =>
    sql<{ run_id: string; value: number }>`
      select m.run_id, m.value from metrics m
      join (select run_id, max(step) as step from metrics where key = 'm07' group by run_id) last
        on last.run_id = m.run_id and last.step = m.step
      where m.key = 'm07' order by m.value desc limit 10`.execute(store.db);
  const refRows = (await raw()).rows;
  const refTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await raw();
    refTimes.push(performance.now() - s);
  }
  const same = refRows.map((r) => r.run_id).join() === fast.map((r) => r.id).join();

  console.log(
    `${label.padEnd(8)} log ${points.toLocaleString('en')} points: ${(logMs / 1000).toFixed(2)} s ` +
      `(${Math.round(points / (logMs / 1000)).toLocaleString('en')} points/s, batch ${BATCH}); ` +
      `top-10 by latest m07: median ${median(times).toFixed(2)} ms over ${QUERY_REPS}; ` +
      `reference from raw points: median ${median(refTimes).toFixed(1)} ms (same answer: ${same})`,
  );
  await client.close();
}

const dir = mkdtempSync(join(tmpdir(), 'sodai-tracking-bench-'));
try {
  console.log(`tracking bench: ${RUNS} runs × ${METRICS} metrics × ${STEPS} steps, node ${process.version}`);
  await bench('sqlite', await openSqliteStore(join(dir, 'bench.db')), dir);
  const pg = await serviceGate('postgres');
  if (pg.available) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    await bench('postgres', await openPostgresStore(pg.url, { schema, dropSchemaOnClose: true }), dir);
  } else {
    console.log('postgres: not reachable, skipped (set SODAI_REQUIRE_SERVICES=1 to fail instead)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
