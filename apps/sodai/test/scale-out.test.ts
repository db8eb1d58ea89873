import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPostgresRunStore } from '@sodai/pipeline/postgres';
import { freePort, serviceGate } from '@sodai/testing';
import { openTracking } from '@sodai/tracking';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema, type SodaiConfigInput } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { RAN_ON, WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { openObjectStore } from '../src/store/object-store/open-object-store.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { openSharedStore } from '../src/store/shared-store.ts';
import { generateSmall, tempDir } from './helpers.ts';
import { s3Gate } from './store/s3-test-server.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
// Cheap settings: one trial on four weeks; no margin so the first model may become champion.
const MODEL = { nTrials: 1, trainWeeks: 4, validationWeeks: 1, gateMarginF1: 0 };
const ADMIN_TOKEN = 'scale-out-admin-token-0123456789';

const postgres = await serviceGate('postgres');
const redis = await serviceGate('redis');
const s3 = await s3Gate({ bucket: 'sodai-scale' });
afterAll(() => s3.server?.stop());

/** Generated history (loaded before the test) and the next week's batch (uploaded during it). */
async function dataSet(dir: string) {
  const generated = path.join(dir, 'generated');
  await generateSmall(generated, { customers: 200, products: 100, weeks: 22, seed: 9, truth: false });
  const historyDir = path.join(dir, 'history');
  const [batch] = await splitWeeks({
    input: generated,
    outDir: path.join(dir, 'batches'),
    lastWeeks: 1,
    historyDir,
  });
  return {
    history: {
      customers: path.join(historyDir, 'clientes.parquet'),
      products: path.join(historyDir, 'productos.parquet'),
      transactions: path.join(historyDir, 'transacciones.parquet'),
    },
    batch: batch!.file,
  };
}

/** A child process whose output is kept (for failure messages) and that can be awaited for a line. */
function start(args: string[], env: NodeJS.ProcessEnv, readyLine: string) {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyLine)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sodai ${args[0]} exited (${code}):\n${output}`)));
  });
  return { child, ready, output: () => output };
}

async function stop(children: readonly ChildProcess[]): Promise<void> {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
}

/** The same data through the embedded deployment (SQLite, folder store, inline tasks): the reference. */
async function embeddedExport(dir: string, data: Awaited<ReturnType<typeof dataSet>>): Promise<string> {
  const config = ConfigSchema.parse({ dataDir: dir, model: MODEL, logLevel: 'silent' });
  const paths = dataPaths(config);
  const store = await RawStore.openDir(paths.dataDir);
  await loadInitialData(store, data.history, {});
  await store.close();
  mkdirSync(paths.landingDir, { recursive: true });
  copyFileSync(data.batch, path.join(paths.landingDir, path.basename(data.batch)));
  const env = createFlowEnv({
    config,
    paths,
    openStore: () => RawStore.openDir(paths.dataDir),
    openTracking: () => openTracking({ dataDir: dir, databaseUrl: '' }),
  });
  const runtime = await startPipelineRuntime(env);
  try {
    const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID);
    expect((await runtime.orchestrator.waitForRun(runId)).state).toBe('success');
    const [exported] = await runtime.store.taskInstances(runId, ['export']);
    return readFileSync((exported!.output as { file: string }).file, 'utf8');
  } finally {
    await runtime.close();
  }
}

const services = postgres.available && redis.available && s3.server !== undefined;

describe.runIf(services)(
  'scale-out: Postgres + Redis + S3, one server and two workers with empty data folders',
  () => {
    it(
      'an uploaded batch starts the weekly DAG through the sensor, tasks run on both workers, the server hot-swaps to the promoted champion and the export matches the embedded run byte for byte',
      { timeout: 300_000 },
      async () => {
        const server = s3.server!;
        const root = tempDir('sodai-scale-');
        const data = await dataSet(root);
        // Every shared service gets names of its own: other engineers' tests use the same servers.
        const unique = `sodai_scale_${process.pid}_${Date.now().toString(36)}`;
        const admin = new pg.Client({ connectionString: postgres.url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${unique}`);
        const databaseUrl = Object.assign(new URL(postgres.url), { pathname: `/${unique}` }).toString();
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const shared: SodaiConfigInput = {
          databaseUrl,
          redisUrl: redis.url,
          queueName: unique,
          objectStore: `s3://${server.bucket}/${unique}/store`,
          source: { kind: 's3', url: `s3://${server.bucket}/${unique}/landing/` },
          model: MODEL,
          // info: the processes say when they are ready ('sodai serving', 'worker waiting for tasks').
          logLevel: 'info',
          server: { host: '127.0.0.1', port, adminToken: ADMIN_TOKEN },
        };
        const configFor = (name: string) => {
          const dir = path.join(root, name);
          mkdirSync(dir, { recursive: true });
          const file = path.join(dir, 'sodai.config.json');
          writeFileSync(file, JSON.stringify({ ...shared, dataDir: path.join(dir, 'data') }));
          return file;
        };
        // The deployment's history, loaded once into Postgres + S3 (as `sodai data load` would).
        const seedConfig = ConfigSchema.parse({ ...shared, dataDir: path.join(root, 'seed') });
        const seed = await RawStore.open(await openSharedStore(seedConfig, { env: server.env }), {
          ownsShared: true,
        });
        await loadInitialData(seed, data.history, {});
        await seed.close();

        const childEnv = (config: string): NodeJS.ProcessEnv => ({
          ...process.env,
          ...server.env,
          SODAI_CONFIG: config,
          SODAI_DATA_DIR: '',
          DATABASE_URL: '',
          REDIS_URL: '',
          SODAI_OBJECT_STORE: '',
          SODAI_ADMIN_TOKEN: '',
        });
        const serving = start(
          ['serve', '--schedule', '--poll-ms', '300', '--rate-limit', '0'],
          childEnv(configFor('server')),
          'sodai serving',
        );
        const workers = ['worker-a', 'worker-b'].map((name) =>
          start(['worker'], childEnv(configFor(name)), 'worker waiting for tasks'),
        );
        const children = [serving.child, ...workers.map((w) => w.child)];
        const logs = () => [serving, ...workers].map((p) => p.output()).join('\n---\n');
        const runs = await openPostgresRunStore(databaseUrl);
        try {
          await Promise.all([serving.ready, ...workers.map((w) => w.ready)]);
          const upload = await fetch(`${base}/api/admin/landing/${path.basename(data.batch)}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/octet-stream' },
            body: readFileSync(data.batch),
          });
          expect(upload.status, await upload.clone().text()).toBe(201);
          expect(((await upload.json()) as { path: string }).path).toMatch(/^s3:\/\//);

          // The sensor sees the object and starts one run; the workers do its tasks.
          let run = (await runs.listRuns({ dagId: WEEKLY_DAG_ID }))[0];
          const deadline = Date.now() + 240_000;
          while ((run === undefined || !['success', 'failed'].includes(run.state)) && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 500));
            run = (await runs.listRuns({ dagId: WEEKLY_DAG_ID }))[0];
          }
          expect(run?.trigger, logs()).toBe('sensor');
          expect(run!.state, `${run!.error ?? ''}\n${logs()}`).toBe('success');

          const tasks = await runs.taskInstances(run!.id);
          const ranBy = new Map<string, string>();
          for (const t of tasks.filter((t) => t.state === 'success')) {
            const line = (await runs.taskLogs(run!.id, t.taskId)).find((l) => l.message.startsWith(RAN_ON));
            ranBy.set(t.taskId, line!.message.slice(RAN_ON.length).split('@')[0]!);
          }
          const workerPids = workers.map((w) => String(w.child.pid));
          expect(
            [...ranBy.values()].every((pid) => workerPids.includes(pid)),
            JSON.stringify([...ranBy]),
          ).toBe(true);
          expect(new Set(ranBy.values()).size, JSON.stringify([...ranBy])).toBe(2);
          expect(ranBy.has('promote'), 'the gate promoted the challenger').toBe(true);

          // The batch's validation report, written on a worker, is the server's to show too.
          const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
          const [landed] = (await (
            await fetch(`${base}/api/ingestions?limit=1`, { headers: admin })
          ).json()) as { batchId: string; file: string }[];
          expect(landed!.file).toBe(`s3://${server.bucket}/${unique}/landing/${path.basename(data.batch)}`);
          const report = await fetch(`${base}/api/reports/ingest/${landed!.batchId}`, { headers: admin });
          expect(report.status, await report.clone().text()).toBe(200);
          expect(await report.json()).toMatchObject({ batchId: landed!.batchId, outcome: 'ingested' });

          const tracking = await openTracking({ databaseUrl, dataDir: path.join(root, 'seed') });
          const champion = (await tracking.registry.getAlias(MODEL_NAME, CHAMPION)).version;
          await tracking.close();

          // The server polls the alias and swaps in the new champion; /predict answers from it.
          let serving_version: number | undefined;
          const swapDeadline = Date.now() + 60_000;
          while (serving_version !== champion && Date.now() < swapDeadline) {
            const ready = await fetch(`${base}/ready`);
            serving_version = ready.ok
              ? ((await ready.json()) as { model_version: number }).model_version
              : undefined;
            if (serving_version !== champion) await new Promise((r) => setTimeout(r, 300));
          }
          expect(serving_version, logs()).toBe(champion);
          const view = await RawStore.open(await openSharedStore(seedConfig, { env: server.env }), {
            ownsShared: true,
          });
          const [pair] = await queryRows(
            view.connection,
            'SELECT customer_id::DOUBLE AS c, product_id::DOUBLE AS p FROM predictions ORDER BY ALL LIMIT 1',
          );
          await view.close();
          const predict = await fetch(`${base}/predict`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ customer_id: Number(pair!.c), product_id: Number(pair!.p) }),
          });
          expect(predict.status, await predict.clone().text()).toBe(200);
          expect(((await predict.json()) as { model_version: number }).model_version).toBe(champion);

          // The export, read back from the bucket (the worker that wrote it may be anywhere).
          const exportTask = tasks.find((t) => t.taskId === 'export')!;
          const bucket = await openObjectStore(shared.objectStore!, {
            cacheDir: path.join(root, 'reader-cache'),
            env: server.env,
          });
          const exported = Buffer.from(
            await bucket.getBytes((exportTask.output as { key: string }).key),
          ).toString('utf8');
          await bucket.close();
          const reference = await embeddedExport(path.join(root, 'embedded'), data);
          expect(exported.split('\n').length).toBeGreaterThan(10);
          expect(exported === reference, 'the exports differ').toBe(true);
        } finally {
          await stop(children);
          await runs.close();
          await admin.query(`DROP DATABASE IF EXISTS ${unique} WITH (FORCE)`);
          await admin.end();
        }
      },
    );
  },
);
