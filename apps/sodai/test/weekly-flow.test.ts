import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openTracking } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { loadInitialData } from '../src/data/load-data.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { reportObjectKey } from '../src/store/stored-reports.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { WEEKLY_DAG_ID } from '../src/flows/weekly-dag.ts';
import { CHAMPION, MODEL_NAME } from '../src/model/registry.ts';
import { trainAndGate } from '../src/jobs/train-and-gate.ts';
import { generateSmall, tempDir } from './helpers.ts';

const root = tempDir();
const MAX_AGE_WEEKS = 4;
const MODEL = { nTrials: 1, trainWeeks: 5, validationWeeks: 2, maxAgeWeeks: MAX_AGE_WEEKS };

/**
 * A data folder whose store holds all but the last 2 weeks, a champion trained on it, and those
 * weeks waiting in the landing folder. With `driftWeek`, buying changes in the landed weeks only.
 */
async function preparedDataDir(name: string, driftWeek?: number) {
  const dir = path.join(root, name);
  const generated = path.join(dir, 'generated');
  await generateSmall(generated, {
    customers: 400,
    products: 150,
    weeks: 28,
    seed: 5,
    truth: false,
    ...(driftWeek !== undefined ? { driftWeek } : {}),
  });
  const config = ConfigSchema.parse({ dataDir: dir, model: MODEL });
  const paths = dataPaths(config);
  const history = path.join(dir, 'history');
  await splitWeeks({ input: generated, outDir: paths.landingDir, lastWeeks: 2, historyDir: history });
  const store = await RawStore.openDir(paths.dataDir);
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
  const settings = { ...config.model };
  const trained = await trainAndGate(store.connection, tracking, settings, { promote: false });
  // Given a champion, whatever this small model's gate said: the branch under test is drift.
  await tracking.registry.setAlias(MODEL_NAME, CHAMPION, trained.version, {
    actor: 'test',
    reason: 'fixture',
  });
  await tracking.close();
  await store.close();
  return { dir, config, paths };
}

async function runWeekly(
  prepared: Awaited<ReturnType<typeof preparedDataDir>>,
  params: Record<string, unknown> = {},
) {
  const env = createFlowEnv({
    config: prepared.config,
    paths: prepared.paths,
    openStore: () => RawStore.openDir(prepared.paths.dataDir),
    openTracking: () => openTracking({ dataDir: prepared.dir, databaseUrl: '' }),
  });
  const runtime = await startPipelineRuntime(env);
  try {
    const runId = await runtime.orchestrator.trigger(WEEKLY_DAG_ID, { params });
    const run = await runtime.orchestrator.waitForRun(runId);
    const tasks = Object.fromEntries((await runtime.store.taskInstances(runId)).map((t) => [t.taskId, t]));
    return { run, tasks };
  } finally {
    await runtime.close();
  }
}

describe('the weekly DAG end to end', { timeout: 240_000 }, () => {
  it('skips training when the new weeks look like the old ones', async () => {
    const prepared = await preparedDataDir('plain');
    const { run, tasks } = await runWeekly(prepared);
    expect(run.state).toBe('success');
    expect((tasks.ingest!.output as { ingested: number }).ingested).toBe(2);
    expect((tasks.drift!.output as { drifted: boolean }).drifted).toBe(false);
    expect(tasks.skip_training!.state).toBe('success');
    expect(tasks.train!.state).toBe('skipped');
    // The decision is the task's output, its figures beside the English sentence the log shows.
    expect(tasks.should_retrain!.output).toMatchObject({
      retrain: false,
      reason: expect.stringMatching(/^no drift and the champion is/),
      verdict: { kind: 'fresh_champion', driftIgnored: false, maxAgeWeeks: MAX_AGE_WEEKS },
    });
    expect(tasks.predict!.state).toBe('success');
    const exported = tasks.export!.output as { file: string; lines: number };
    expect(readFileSync(exported.file, 'utf8').trim().split('\n')).toHaveLength(exported.lines);
  });

  it('takes the retraining branch when the landed weeks carry injected drift', async () => {
    const prepared = await preparedDataDir('drifted', 26);
    const { run, tasks } = await runWeekly(prepared);
    expect(run.state).toBe('success');
    const drift = tasks.drift!.output as { drifted: boolean; reason: string; reportPath: string };
    expect(drift.drifted).toBe(true);
    expect(drift.reason).toMatch(/line_items|line_product/);
    expect(JSON.parse(readFileSync(drift.reportPath, 'utf8')).drifted).toBe(true);
    // The store keeps it too: the server and the chat read it there, wherever the check ran.
    const store = await RawStore.openDir(prepared.paths.dataDir);
    const key = reportObjectKey('drift', path.basename(drift.reportPath, '.json'));
    const stored = Buffer.from(await store.shared.objects.getBytes(key)).toString('utf8');
    await store.close();
    expect(stored).toBe(readFileSync(drift.reportPath, 'utf8'));
    expect(tasks.train!.state).toBe('success');
    expect(tasks.skip_training!.state).toBe('skipped');
    expect(tasks.should_retrain!.output).toMatchObject({
      retrain: true,
      verdict: { kind: 'drift', detail: drift.reason },
    });
    expect(['promote', 'keep_champion'].filter((t) => tasks[t]!.state === 'success')).toHaveLength(1);
    // The gate's decision is its output, with what decided it: the branch after it followed that.
    const gate = tasks.gate!.output as { passed?: boolean; reason?: string; verdict?: { kind: string } };
    const passedKinds = ['beats_rule_no_champion', 'beats_champion_and_rule'];
    expect(gate.reason).toEqual(expect.any(String));
    expect(passedKinds.includes(gate.verdict?.kind ?? '')).toBe(gate.passed);
    expect(tasks[gate.passed ? 'promote' : 'keep_champion']!.state).toBe('success');
    expect(tasks.predict!.state).toBe('success');
  });
});
