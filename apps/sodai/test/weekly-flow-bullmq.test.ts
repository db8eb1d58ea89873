import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serviceGate } from '@sodai/testing';
import { openTracking } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { trainAndGate } from '../src/jobs/train-and-gate.ts';
import { generateSmall, tempDir } from './helpers.ts';

const redis = await serviceGate('redis');
const root = tempDir();
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const MODEL = { nTrials: 1, trainWeeks: 5, validationWeeks: 2 };

async function seed(dir: string): Promise<void> {
  const generated = path.join(dir, 'generated');
  await generateSmall(generated, { customers: 300, products: 120, weeks: 24, seed: 8, truth: false });
  const paths = dataPaths(ConfigSchema.parse({ dataDir: dir }));
  await splitWeeks({
    input: generated,
    outDir: paths.landingDir,
    lastWeeks: 2,
    historyDir: path.join(dir, 'history'),
  });
  const store = await RawStore.openDir(paths.dataDir);
  const tracking = await openTracking({ dataDir: dir, databaseUrl: '' });
  const h = (f: string) => path.join(dir, 'history', f);
  await loadInitialData(
    store,
    {
      customers: h('clientes.parquet'),
      products: h('productos.parquet'),
      transactions: h('transacciones.parquet'),
    },
    {},
  );
  const trained = await trainAndGate(
    store.connection,
    tracking,
    { ...ConfigSchema.parse({}).model, ...MODEL },
    { promote: false },
  );
  await tracking.registry.setAlias(MODEL_NAME, CHAMPION, trained.version, {
    actor: 'test',
    reason: 'fixture',
  });
  await tracking.close();
  await store.close();
}

async function runIn(dir: string, redisUrl?: string, queueName?: string) {
  const config = ConfigSchema.parse({
    dataDir: dir,
    model: MODEL,
    ...(redisUrl ? { redisUrl, queueName } : {}),
  });
  const paths = dataPaths(config);
  const env = createFlowEnv({
    config,
    paths,
    openStore: () => RawStore.openDir(paths.dataDir),
    openTracking: () => openTracking({ dataDir: dir, databaseUrl: '' }),
  });
  const runtime = await startPipelineRuntime(env);
  try {
    const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params: { retrain: 'never' } });
    const run = await runtime.orchestrator.waitForRun(runId);
    const tasks = await runtime.store.taskInstances(runId);
    return { run, tasks: Object.fromEntries(tasks.map((t) => [t.taskId, t])) };
  } finally {
    await runtime.close();
  }
}

/** Outputs with the folder-specific parts (paths) made relative, so two folders compare equal. */
function comparable(output: unknown, dir: string): unknown {
  return JSON.parse(JSON.stringify(output ?? null).replaceAll(dir, '<dir>'));
}

describe.runIf(redis.available)('the weekly DAG on BullMQ workers', { timeout: 240_000 }, () => {
  it('gives the same outputs with two `sodai worker` processes as inline', async () => {
    const inline = path.join(root, 'inline');
    const queued = path.join(root, 'queued');
    await seed(inline);
    cpSync(inline, queued, { recursive: true });
    const queueName = `sodai-test-${process.pid}-${Date.now()}`;
    const configFile = path.join(queued, 'sodai.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({ dataDir: queued, model: MODEL, redisUrl: redis.url, queueName }),
    );
    const workers: ChildProcess[] = [0, 1].map(() =>
      spawn(process.execPath, [BIN, 'worker'], {
        env: { ...process.env, SODAI_CONFIG: configFile, SODAI_DATA_DIR: '', REDIS_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    const workerLogs = workers.map(() => [] as string[]);
    // Each worker says so once it listens on the queue: wait for that line, not for a fixed time.
    const ready = workers.map(
      (w, i) =>
        new Promise<void>((resolve, reject) => {
          w.stderr!.on('data', (d: Buffer) => {
            workerLogs[i]!.push(d.toString());
            if (workerLogs[i]!.join('').includes('waiting for tasks')) resolve();
          });
          w.once('exit', (code) => reject(new Error(`worker exited (${code}): ${workerLogs[i]!.join('')}`)));
        }),
    );
    try {
      await Promise.all(ready);
      // Each log line is JSON a collector parses: no key twice (the ready line held "pid" twice).
      for (const log of workerLogs) {
        const line = log
          .join('')
          .split('\n')
          .find((l) => l.includes('waiting for tasks'))!;
        expect(line.match(/"pid":/g), line).toHaveLength(1);
      }
      const a = await runIn(inline);
      const b = await runIn(queued, redis.url, queueName);
      expect(a.run.state).toBe('success');
      expect(b.run.state, workerLogs.flat().join('')).toBe('success');
      expect(Object.keys(b.tasks).sort()).toEqual(Object.keys(a.tasks).sort());
      for (const id of Object.keys(a.tasks)) {
        expect(b.tasks[id]!.state, id).toBe(a.tasks[id]!.state);
        expect(comparable(b.tasks[id]!.output, queued), id).toEqual(comparable(a.tasks[id]!.output, inline));
      }
      const exported = (dir: string, t: typeof a.tasks) =>
        readFileSync((t.export!.output as { file: string }).file, 'utf8');
      expect(exported(queued, b.tasks)).toBe(exported(inline, a.tasks));
      expect(exported(inline, a.tasks).length).toBeGreaterThan(0);
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(
        workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))),
      );
    }
  });
});
