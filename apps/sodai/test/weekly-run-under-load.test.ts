import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openTracking } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { trainAndGate } from '../src/jobs/train-and-gate.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir } from './helpers.ts';

// Regression for issue 13's corruption: a weekly run inside the server process once shared the
// server's DuckDB connection, and a prediction-log flush cut its dataset read short (an export full
// of `0,0` lines, every drift column "drifted"). The run now reads through its own stores.
const root = tempDir();
const MODEL = { nTrials: 1, trainWeeks: 4, validationWeeks: 1 };

/** All but the last 2 weeks loaded, a champion trained on them, those weeks in the landing folder. */
async function preparedDataDir(dir: string) {
  const generated = path.join(dir, 'generated');
  await generateSmall(generated, { customers: 200, products: 100, weeks: 22, seed: 9, truth: false });
  const config = ConfigSchema.parse({ dataDir: dir, model: MODEL, logLevel: 'silent' });
  const paths = dataPaths(config);
  const history = path.join(dir, 'history');
  await splitWeeks({ input: generated, outDir: paths.landingDir, lastWeeks: 2, historyDir: history });
  const store = await RawStore.openDir(dir);
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  await loadInitialData(
    store,
    {
      customers: path.join(history, 'clientes.parquet'),
      products: path.join(history, 'productos.parquet'),
      transactions: path.join(history, 'transacciones.parquet'),
    },
    {},
  );
  const trained = await trainAndGate(store.connection, tracking, { ...config.model }, { promote: false });
  await tracking.registry.setAlias(MODEL_NAME, CHAMPION, trained.version, {
    actor: 'test',
    reason: 'fixture',
  });
  await tracking.close();
  await store.close();
}

interface WeeklyResult {
  readonly exported: Buffer;
  readonly drift: { drifted: boolean; reason: string };
  readonly requests: number;
  readonly failures: string[];
}

async function runWeekly(dir: string, underLoad: boolean): Promise<WeeklyResult> {
  const config = ConfigSchema.parse({ dataDir: dir, model: MODEL, logLevel: 'silent' });
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  const serverStore = underLoad ? await RawStore.openDir(dir) : undefined;
  let app: Awaited<ReturnType<typeof buildServer>> | undefined;
  const runtime = await startPipelineRuntime(
    createFlowEnv({
      config,
      paths: dataPaths(config),
      tracking,
      openStore: () => RawStore.openDir(dir),
      openTracking: async () => tracking,
      notifyServing: async () => `v${(await app?.serving.reload())?.version ?? 'none'}`,
    }),
  );
  const failures: string[] = [];
  let requests = 0;
  let stop = false;
  let load: Promise<void> = Promise.resolve();
  try {
    if (serverStore) {
      app = await buildServer({
        config,
        store: serverStore,
        tracking,
        options: { logger: false, pollIntervalMs: 0, defaultMetrics: false, rateLimit: false },
      });
      await app.serving.initialLoad;
      const [pair] = await queryRows(
        serverStore.connection,
        'SELECT customer_id::DOUBLE AS c, min(product_id)::DOUBLE AS p FROM prediction_dataset GROUP BY 1 ORDER BY 1 LIMIT 1',
      );
      const server = app;
      load = (async () => {
        while (!stop && requests < 50_000) {
          for (const [url, payload] of [
            ['/predict', { customer_id: Number(pair!.c), product_id: Number(pair!.p) }],
            ['/recommend', { customer_id: Number(pair!.c), k: 5 }],
          ] as const) {
            requests++;
            const res = await server.inject({ method: 'POST', url, payload });
            if (res.statusCode !== 200) failures.push(`${url} ${res.statusCode} ${res.body}`);
          }
        }
      })();
    }
    const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: {} });
    const run = await runtime.orchestrator.waitForRun(runId);
    stop = true;
    await load;
    expect(run.state).toBe('success');
    const tasks = Object.fromEntries((await runtime.store.taskInstances(runId)).map((t) => [t.taskId, t]));
    const exported = tasks.export!.output as { file: string };
    return {
      exported: readFileSync(exported.file),
      drift: tasks.drift!.output as { drifted: boolean; reason: string },
      requests,
      failures,
    };
  } finally {
    stop = true;
    await load;
    await app?.close();
    await runtime.close();
    await serverStore?.close();
    await tracking.close();
  }
}

describe('a weekly run inside the serving process', { timeout: 480_000 }, () => {
  it('exports the same bytes and reaches the same drift verdict under /predict and /recommend load', async () => {
    const quiet = path.join(root, 'quiet');
    await preparedDataDir(quiet);
    const loaded = path.join(root, 'loaded');
    cpSync(quiet, loaded, { recursive: true });

    const alone = await runWeekly(quiet, false);
    const busy = await runWeekly(loaded, true);

    expect(busy.requests).toBeGreaterThan(100);
    expect(busy.failures.slice(0, 5)).toEqual([]);
    expect(alone.exported.length).toBeGreaterThan(0);
    expect(alone.exported.toString('utf8')).not.toMatch(/^0,0$/m);
    expect(busy.exported.equals(alone.exported)).toBe(true);
    expect({ drifted: busy.drift.drifted, reason: busy.drift.reason }).toEqual({
      drifted: alone.drift.drifted,
      reason: alone.drift.reason,
    });
  });
});
