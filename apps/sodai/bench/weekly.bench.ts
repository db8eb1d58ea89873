/**
 * npm run bench:weekly — the weekly DAG on the real 2024 data: history up to two weeks before the
 * end, those weeks dropped in the landing folder, one run with training forced (`--trials=N`,
 * default 10). Prints each task's wall time and the orchestrator's own share.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTracking } from '@sodai/tracking';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { REAL_DIR } from './child.ts';

const trials = Number(process.argv.find((a) => a.startsWith('--trials='))?.split('=')[1] ?? '10');
if (!existsSync(path.join(REAL_DIR, 'transacciones.parquet'))) {
  console.log(`real data not found at ${REAL_DIR}: nothing to measure`);
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'sodai-bench-weekly-'));
try {
  const config = ConfigSchema.parse({ dataDir: dir });
  const paths = dataPaths(config);
  const history = path.join(dir, 'history');
  await splitWeeks({ input: REAL_DIR, outDir: paths.landingDir, lastWeeks: 2, historyDir: history });
  const store = await RawStore.openDir(paths.dataDir);
  const h = (f: string) => path.join(history, f);
  await loadInitialData(
    store,
    {
      customers: h('clientes.parquet'),
      products: h('productos.parquet'),
      transactions: h('transacciones.parquet'),
    },
    {},
  );
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  const runtime = await startPipelineRuntime(
    createFlowEnv({
      config,
      paths,
      store,
      tracking,
      openStore: async () => store,
      openTracking: async () => tracking,
    }),
  );
  const started = performance.now();
  const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: { retrain: 'force', trials } });
  const run = await runtime.orchestrator.waitForRun(runId);
  const wall = (performance.now() - started) / 1000;
  const tasks = await runtime.store.taskInstances(runId);
  let inTasks = 0;
  console.log(`weekly DAG on the real data (${trials} trials), run ${run.state} in ${wall.toFixed(1)} s`);
  console.log('| task | state | seconds |\n|---|---|---|');
  for (const node of run.dag.nodes) {
    const t = tasks.find((x) => x.taskId === node.id);
    const s = t?.startedAt && t.finishedAt ? (t.finishedAt.getTime() - t.startedAt.getTime()) / 1000 : 0;
    inTasks += s;
    console.log(`| ${node.id} | ${t?.state ?? '—'} | ${s.toFixed(2)} |`);
  }
  console.log(`orchestration outside tasks: ${(wall - inTasks).toFixed(2)} s over ${tasks.length} tasks`);
  // Work done once per run: every task logs each cut-off it builds and each champion it loads.
  const builds = new Map<string, number>();
  let championLoads = 0;
  for (const t of tasks) {
    for (const entry of await runtime.store.taskLogs(runId, t.taskId)) {
      const built = /^dataset built for cut-offs? (.+?):/.exec(entry.message);
      for (const cutoff of built?.[1]?.split(', ') ?? []) builds.set(cutoff, (builds.get(cutoff) ?? 0) + 1);
      if (/^champion v\d+ loaded/.test(entry.message)) championLoads++;
    }
  }
  const most = Math.max(0, ...builds.values());
  console.log(
    `dataset builds: ${builds.size} cut-offs, each built ${most === 1 ? 'once' : `up to ${most} times`}; champion loaded ${championLoads} time(s)`,
  );
  await runtime.close();
  await tracking.close();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
