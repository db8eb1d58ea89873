/**
 * npm run bench:weekly — the weekly DAG on the real 2024 data: history up to two weeks before the
 * end, those weeks dropped in the landing folder, one run with training forced (`--trials=N`,
 * default 10). Prints each task's wall time and the orchestrator's own share, on the embedded store
 * and with the objects in a local S3-compatible server (`--modes=embedded,s3`, the default), side by
 * side from one invocation. `--next-week` adds a column: on the embedded store, a second run after
 * one more week lands, as every week after the first goes (the datasets of cut-offs that the new
 * week does not reach are reused).
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openTracking, type TrackingClient } from '@sodai/tracking';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { openSharedStore } from '../src/store/shared-store.ts';
import { ObjectArtifactStore } from '../src/store/object-artifact-store.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { startS3TestServer, type S3TestServer } from '../test/store/s3-test-server.ts';
import { REAL_DIR } from './child.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const trials = Number(arg('trials') ?? '10');
const modes = (arg('modes') ?? 'embedded,s3').split(',').filter(Boolean) as ('embedded' | 's3')[];
const nextWeek = process.argv.includes('--next-week');
if (!existsSync(path.join(REAL_DIR, 'transacciones.parquet'))) {
  console.log(`real data not found at ${REAL_DIR}: nothing to measure`);
  process.exit(0);
}

interface WeeklyFigures {
  readonly state: string;
  readonly wall: number;
  readonly tasks: ReadonlyMap<string, { state: string; seconds: number }>;
  readonly order: readonly string[];
  readonly outside: number;
  readonly builds: string;
}

async function weeklyRun(s3: S3TestServer | undefined, secondWeek = false): Promise<WeeklyFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sodai-bench-weekly-'));
  let tracking: TrackingClient | undefined;
  let store: RawStore | undefined;
  try {
    const config = ConfigSchema.parse({
      dataDir: dir,
      ...(s3 ? { objectStore: `s3://${s3.bucket}/weekly-${Date.now()}` } : {}),
    });
    const paths = dataPaths(config);
    const history = path.join(dir, 'history');
    // The measured run ingests two weeks. A second-week run first ingests the two weeks before and
    // then one full week (the data's last days, a Monday-Tuesday stub, would move every cut-off to
    // a Wednesday: a plan that shares no cut-off with the week before).
    const held = path.join(dir, 'held');
    const weeks = await splitWeeks({
      input: REAL_DIR,
      outDir: secondWeek ? held : paths.landingDir,
      lastWeeks: secondWeek ? 4 : 2,
      historyDir: history,
    });
    const land = (w: (typeof weeks)[number]) => {
      mkdirSync(paths.landingDir, { recursive: true });
      renameSync(w.file, path.join(paths.landingDir, path.basename(w.file)));
    };
    if (secondWeek) weeks.slice(0, 2).forEach(land);
    const env = s3 ? { ...process.env, ...s3.env } : process.env;
    const shared = await openSharedStore(config, { env });
    const openedStore = await RawStore.open(shared, { ownsShared: true });
    store = openedStore;
    const h = (f: string) => path.join(history, f);
    await loadInitialData(
      openedStore,
      {
        customers: h('clientes.parquet'),
        products: h('productos.parquet'),
        transactions: h('transacciones.parquet'),
      },
      {},
    );
    // As the CLI does: an explicit object store holds the model artifacts too.
    const openedTracking = await openTracking({
      dataDir: dir,
      databaseUrl: '',
      ...(s3 ? { artifacts: new ObjectArtifactStore(shared.objects) } : {}),
    });
    tracking = openedTracking;
    const runtime = await startPipelineRuntime(
      createFlowEnv({
        config,
        paths,
        store: openedStore,
        tracking: openedTracking,
        openStore: async () => openedStore,
        openTracking: async () => openedTracking,
      }),
    );
    const weekly = async () =>
      runtime.orchestrator.waitForRun(
        await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: { retrain: 'force', trials } }),
      );
    if (secondWeek) {
      await weekly();
      land(weeks[2]!);
    }
    const started = performance.now();
    const run = await weekly();
    const runId = run.id;
    const wall = (performance.now() - started) / 1000;
    const instances = await runtime.store.taskInstances(runId);
    const tasks = new Map<string, { state: string; seconds: number }>();
    for (const t of instances) {
      const seconds =
        t.startedAt && t.finishedAt ? (t.finishedAt.getTime() - t.startedAt.getTime()) / 1000 : 0;
      tasks.set(t.taskId, { state: t.state, seconds });
    }
    // Work done once per run: every task logs each cut-off it builds and each champion it loads.
    const builds = new Map<string, number>();
    let championLoads = 0;
    for (const t of instances) {
      for (const entry of await runtime.store.taskLogs(runId, t.taskId)) {
        const built = /^dataset built for cut-offs? (.+?):/.exec(entry.message);
        for (const cutoff of built?.[1]?.split(', ') ?? []) builds.set(cutoff, (builds.get(cutoff) ?? 0) + 1);
        if (/^champion v\d+ loaded/.test(entry.message)) championLoads++;
      }
    }
    const most = Math.max(0, ...builds.values());
    await runtime.close();
    const inTasks = [...tasks.values()].reduce((n, t) => n + t.seconds, 0);
    return {
      state: run.state,
      wall,
      tasks,
      order: run.dag.nodes.map((n) => n.id),
      outside: wall - inTasks,
      builds: `${builds.size} cut-offs, each built ${most === 1 ? 'once' : `up to ${most} times`}; champion loaded ${championLoads} time(s)`,
    };
  } finally {
    await tracking?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const s3 = modes.includes('s3') ? await startS3TestServer({ bucket: 'sodai-bench' }) : undefined;
try {
  const results = new Map<string, WeeklyFigures>();
  for (const mode of modes) results.set(mode, await weeklyRun(mode === 's3' ? s3 : undefined));
  if (nextWeek) results.set('embedded, next week', await weeklyRun(undefined, true));
  const columns = [...results.keys()];
  const first = results.get(columns[0]!)!;
  console.log(`weekly DAG on the real data (${trials} trials, training forced)`);
  console.log(`| task | ${columns.map((c) => `${c} s`).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---').join('|')}|`);
  for (const id of first.order) {
    const cells = columns.map((c) => {
      const t = results.get(c)!.tasks.get(id);
      return t ? `${t.seconds.toFixed(2)}${t.state === 'success' ? '' : ` (${t.state})`}` : '—';
    });
    console.log(`| ${id} | ${cells.join(' | ')} |`);
  }
  console.log(
    `| whole run | ${columns.map((c) => `${results.get(c)!.wall.toFixed(1)} (${results.get(c)!.state})`).join(' | ')} |`,
  );
  console.log(
    `| orchestration outside tasks | ${columns.map((c) => results.get(c)!.outside.toFixed(2)).join(' | ')} |`,
  );
  for (const c of columns) console.log(`${c}: dataset builds: ${results.get(c)!.builds}`);
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end`);
} finally {
  await s3?.stop();
}
