import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dataPaths } from '../src/config/load-config.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime, type PipelineRuntime } from '../src/flows/pipeline-runtime.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { ADMIN_TOKEN, serveFixture, type ServeFixture } from './serve-fixture.ts';

let fixture: ServeFixture;
let runtime: PipelineRuntime;
let app: FastifyInstance;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  fixture = await serveFixture();
  const env = createFlowEnv({
    config: fixture.config,
    paths: dataPaths(fixture.config),
    tracking: fixture.tracking,
    // Tasks open their own stores, as in `sodai serve --schedule`: never the server's connection.
    openStore: () => RawStore.openDir(fixture.dir),
    openTracking: async () => fixture.tracking,
  });
  runtime = await startPipelineRuntime(env);
  app = await buildServer({
    // Reads open, as before roles: who may read what is tested in serve-faults.test.ts.
    config: { ...fixture.config, server: { ...fixture.config.server, publicRead: 'all' } },
    store: fixture.store,
    tracking: fixture.tracking,
    options: { pollIntervalMs: 0 },
    pipeline: {
      store: runtime.store,
      dags: runtime.dags,
      orchestrator: runtime.orchestrator,
    },
  });
  await app.serving.initialLoad;
});
afterAll(async () => {
  await app.close();
  await runtime.close();
  await fixture.close();
});

describe('pipeline HTTP API', () => {
  it('shows the weekly DAG with its next scheduled run', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/pipeline/dags' });
    expect(res.statusCode).toBe(200);
    const [dag] = res.json();
    expect(dag.id).toBe('weekly');
    expect(dag.schedule).toBe('@weekly');
    expect(Date.parse(dag.next_run_at)).toBeGreaterThan(Date.now());
    // How often, in a word the UI translates: croner's fire times read, not the cron's fields.
    expect(dag.every).toBe('week');
    expect(dag.nodes.find((n: { id: string }) => n.id === 'predict').upstream.sort()).toEqual([
      'keep_champion',
      'promote',
      'skip_training',
    ]);
  });

  it('answers 404 for an unknown run and 401 for a trigger without the token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/pipeline/runs/nope' })).statusCode).toBe(404);
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/pipeline/dags/weekly/runs',
      payload: {},
    });
    expect(res.statusCode).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/admin/pipeline/dags/weekly/runs',
      headers: auth,
      payload: { retrain: 'sometimes' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues[0].path).toContain('retrain');
  });

  it('starts a run from the admin API and shows its tasks and logs as it finishes', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/pipeline/dags/weekly/runs',
      headers: auth,
      payload: { retrain: 'never' },
    });
    expect(res.statusCode).toBe(202);
    const runId = res.json().run_id as string;
    await runtime.orchestrator.waitForRun(runId);
    const detail = (await app.inject({ method: 'GET', url: `/api/pipeline/runs/${runId}` })).json();
    expect(detail.state, JSON.stringify(detail.tasks.filter((t: { error: string | null }) => t.error))).toBe(
      'success',
    );
    const states = Object.fromEntries(
      detail.tasks.map((t: { task_id: string; state: string }) => [t.task_id, t.state]),
    );
    expect(states).toMatchObject({
      should_retrain: 'success',
      skip_training: 'success',
      train: 'skipped',
      predict: 'success',
    });
    const logs = (
      await app.inject({ method: 'GET', url: `/api/pipeline/runs/${runId}/tasks/predict/logs` })
    ).json();
    expect(logs.some((l: { message: string }) => /predicted purchases/.test(l.message))).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: `/api/pipeline/runs/${runId}/tasks/nope/logs` })).statusCode,
    ).toBe(404);
    const list = (await app.inject({ method: 'GET', url: '/api/pipeline/runs?limit=5' })).json();
    expect(list[0].id).toBe(runId);
  });

  it('task logs name server files relative to the data folder, never by their absolute path', async () => {
    // A batch the ingest task rejects: its log lines name the file, which sits in the landing folder.
    const landing = dataPaths(fixture.config).landingDir;
    await mkdir(landing, { recursive: true });
    await writeFile(path.join(landing, 'week-2024-06-17.parquet'), 'not a parquet file');
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/pipeline/dags/weekly/runs',
      headers: auth,
      payload: { retrain: 'never' },
    });
    const runId = res.json().run_id as string;
    await runtime.orchestrator.waitForRun(runId);
    const detail = (await app.inject({ method: 'GET', url: `/api/pipeline/runs/${runId}` })).json();
    const messages: string[] = [];
    for (const t of detail.tasks as { task_id: string }[]) {
      const logs = (
        await app.inject({ method: 'GET', url: `/api/pipeline/runs/${runId}/tasks/${t.task_id}/logs` })
      ).json() as { message: string }[];
      messages.push(...logs.map((l) => l.message));
    }
    // Named from the data folder, so a reader tells the landing batch from an export or its copy.
    expect(messages).toContainEqual(expect.stringMatching(/^rejected: landing\/week-2024-06-17\.parquet: /));
    expect(messages).toContainEqual(
      expect.stringMatching(/lines → exports\/predictions-[\d-]+\.csv and objects\/exports\/predictions-/),
    );
    // The stored lines keep the full path (the operator's `sodai logs` shows it); only the API cuts it.
    const stored = await runtime.store.taskLogs(runId, 'ingest');
    expect(stored.some((l) => l.message.includes(path.join(landing, 'week-2024-06-17.parquet')))).toBe(true);
    const root = path.resolve(fixture.dir);
    expect(messages.filter((m) => m.includes(root) || /(^|[\s'"(:=])\/(tmp|home|srv|var)\//.test(m))).toEqual(
      [],
    );
  });

  it("a run's and its tasks' errors and outputs name server files without their absolute path", async () => {
    const runs = (await app.inject({ method: 'GET', url: '/api/pipeline/runs' })).json() as { id: string }[];
    const root = path.resolve(fixture.dir);
    const served: string[] = [JSON.stringify(runs)];
    for (const run of runs)
      served.push((await app.inject({ method: 'GET', url: `/api/pipeline/runs/${run.id}` })).body);
    // The weekly run above rejected a landing batch and exported predictions: both name files.
    expect(served.join('\n')).toMatch(/week-2024-06-17\.parquet|predictions-[\d-]+\.csv/);
    expect(served.filter((body) => body.includes(root) || /"\/(tmp|home|srv|var)\//.test(body))).toEqual([]);
  });

  it('/metrics after a run shows pipeline, task, drift and ingest totals and stock process metrics', async () => {
    // The previous test finished one weekly run (retrain never); the totals come from its records.
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = (pattern: string) => {
      const match = new RegExp(`^${pattern} (\\S+)$`, 'm').exec(text);
      return match ? Number(match[1]) : undefined;
    };
    expect(value('sodai_pipeline_runs_total\\{dag="weekly",state="success"\\}')).toBeGreaterThanOrEqual(1);
    expect(value('sodai_pipeline_tasks_total\\{task="predict",state="success"\\}')).toBeGreaterThanOrEqual(1);
    expect(value('sodai_pipeline_tasks_total\\{task="train",state="skipped"\\}')).toBeGreaterThanOrEqual(1);
    expect(value('sodai_pipeline_task_seconds_total\\{task="predict"\\}')).toBeGreaterThan(0);
    const verdicts =
      (value('sodai_drift_checks_total\\{verdict="drift"\\}') ?? 0) +
      (value('sodai_drift_checks_total\\{verdict="no_drift"\\}') ?? 0);
    expect(verdicts).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE sodai_gate_decisions_total counter');
    expect(value('sodai_ingest_rows_total\\{outcome="accepted"\\}')).toBeGreaterThan(0);
    expect(value('sodai_quarantined_rows')).toBeGreaterThanOrEqual(0);
    expect(value('sodai_prediction_log_dropped_total')).toBe(0);
    // Process metrics keep their stock names, so stock Node dashboards work.
    expect(text).toMatch(/^process_cpu_user_seconds_total \S+$/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \S+$/m);
    expect(text).not.toMatch(/^sodai_(process|nodejs)_/m);
  });
});
