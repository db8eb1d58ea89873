// Scheduler overhead per task: wall time of a run of no-op tasks divided by the task count, on the
// stores and executors the package ships. Target: < 10 ms per task inline (SQLite).
// Run: npm run bench:pipeline (from the repo root).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serviceGate } from '@sodai/testing';
import {
  createOrchestrator,
  defineDag,
  InlineExecutor,
  openSqliteRunStore,
  type RunStore,
} from '../src/index.ts';
import { BullMQExecutor, startWorker } from '../src/executors/bullmq-executor.ts';
import { openPostgresRunStore } from '../src/stores/postgres-run-store.ts';

const N = Number(process.env.BENCH_TASKS ?? 200);

function chainDag(n: number) {
  const dag = defineDag({ id: 'chain' });
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    const id = `t${i}`;
    dag.task(id, prev === null ? {} : { upstream: [prev] }, (ctx) => (prev === null ? i : i + ctx.attempt));
    prev = id;
  }
  return dag;
}

function wideDag(n: number) {
  const dag = defineDag({ id: 'wide' });
  dag.task('root', {}, () => 0);
  for (let i = 1; i < n - 1; i++) dag.task(`t${i}`, { upstream: ['root'] }, () => i);
  dag.task(
    'sink',
    { upstream: Array.from({ length: n - 2 }, (_, i) => `t${i + 1}`), triggerRule: 'all_done' },
    () => 'done',
  );
  return dag;
}

async function timeRun(
  label: string,
  store: RunStore,
  dag: ReturnType<typeof chainDag>,
  executor?: BullMQExecutor,
): Promise<void> {
  const o = createOrchestrator({
    store,
    dags: [dag],
    executor: executor ?? new InlineExecutor({ concurrency: 4 }),
  });
  // One warm-up run (JIT, prepared statements, connections), then the best of three.
  await o.waitForRun(await o.trigger(dag.id));
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const run = await o.waitForRun(await o.trigger(dag.id));
    times.push(performance.now() - t0);
    if (run.state !== 'success') throw new Error(`${label}: run ${run.state}`);
  }
  await o.close();
  const best = Math.min(...times);
  console.log(
    `${label.padEnd(40)} ${String(dag.tasks.length).padStart(4)} tasks  best ${best.toFixed(0).padStart(6)} ms  ` +
      `→ ${(best / dag.tasks.length).toFixed(2)} ms/task`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'sodai-pipeline-bench-'));
try {
  console.log(
    `node ${process.version}, ${N} no-op tasks per DAG; overhead = run wall time / tasks (best of 3)`,
  );
  const sqlite = await openSqliteRunStore(join(dir, 'bench.db'));
  await timeRun('inline + SQLite (WAL), chain', sqlite, chainDag(N));
  await timeRun('inline + SQLite (WAL), fan-out/fan-in', sqlite, wideDag(N));

  const pg = await serviceGate('postgres');
  if (pg.available) {
    const store = await openPostgresRunStore(pg.url, {
      schema: `bench_${randomBytes(4).toString('hex')}`,
      dropSchemaOnClose: true,
    });
    await timeRun('inline + Postgres, chain', store, chainDag(N));
    await timeRun('inline + Postgres, fan-out/fan-in', store, wideDag(N));
    await store.close();
  } else console.log('Postgres not reachable: skipped');

  const redis = await serviceGate('redis');
  if (redis.available) {
    const queueName = `pipeline-bench-${randomBytes(4).toString('hex')}`;
    const dag = chainDag(Math.min(N, 100));
    const wide = wideDag(Math.min(N, 100));
    const executor = new BullMQExecutor({ redisUrl: redis.url, queueName });
    const worker = await startWorker({
      redisUrl: redis.url,
      queueName,
      dags: [dag, wide],
      store: sqlite,
      concurrency: 4,
    });
    await timeRun('BullMQ (1 in-process worker) + SQLite, chain', sqlite, dag, executor);
    await timeRun('BullMQ (1 in-process worker) + SQLite, fan-out', sqlite, wide, executor);
    await worker.close();
    await executor.obliterate();
    await executor.close();
  } else console.log('Redis not reachable: skipped');
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
