import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toAirflowDag } from '../src/dag/airflow-export.ts';
import { defineDag } from '../src/dag/dag.ts';
import { createOrchestrator } from '../src/run/orchestrator.ts';
import { runSingleTask } from '../src/run/single-task.ts';
import type { RunStore } from '../src/stores/run-store.ts';
import { openSqliteFixture, type StoreFixture } from './helpers.ts';

let fx: StoreFixture;
let store: RunStore;
beforeEach(async () => {
  fx = await openSqliteFixture();
  store = fx.store;
});
afterEach(async () => fx.cleanup());

/** extract → route ─┬─ big → report
 *                   └─ small ┘ (report: none_failed_min_one_success), with one flaky task. */
function branchingDag(flaky: { failuresLeft: number }) {
  const dag = defineDag({
    id: 'etl',
    schedule: '@daily',
    params: z.object({ n: z.coerce.number().default(3) }),
  });
  const extract = dag.task('extract', { retries: 2, retryDelayMs: 5 }, (ctx) => {
    if (flaky.failuresLeft-- > 0) throw new Error('flaky source');
    return { rows: ctx.params.n };
  });
  const route = dag.branch('route', { upstream: [extract] }, (ctx) =>
    ctx.input(extract).rows > 5 ? ['big'] : ['small'],
  );
  const big = dag.task('big', { upstream: [route] }, (ctx) => ({
    size: 'big',
    rows: ctx.input(extract).rows,
  }));
  const small = dag.task('small', { upstream: [route] }, (ctx) => ({
    size: 'small',
    rows: ctx.input(extract).rows,
  }));
  dag.task('report', { upstream: [big, small], triggerRule: 'none_failed_min_one_success' }, (ctx) => ({
    report: ctx.maybeInput(big) ?? ctx.maybeInput(small),
  }));
  return dag;
}

const ORDER = ['extract', 'route', 'big', 'small', 'report'];
const summary = async (runId: string) =>
  Object.fromEntries(
    (await store.taskInstances(runId)).map((t) => [t.taskId, { state: t.state, output: t.output }]),
  );

describe('runSingleTask: one task at a time, as an outside scheduler calls it', () => {
  it('task by task in DAG order gives the same states and outputs as the orchestrator, and finishes the run', async () => {
    const dag = branchingDag({ failuresLeft: 1 });
    const orchestrator = createOrchestrator({ store, dags: [dag], onError: () => {} });
    const builtIn = await orchestrator.trigger('etl', { params: { n: 7 } });
    await orchestrator.waitForRun(builtIn);
    await orchestrator.close();

    const flakyAgain = branchingDag({ failuresLeft: 1 });
    const outcomes = [];
    for (const task of ORDER) {
      outcomes.push(
        await runSingleTask(flakyAgain, store, {
          runId: 'airflow-1',
          taskId: task,
          params: { n: 7 },
          owner: 'test',
          random: () => 0,
        }),
      );
    }
    expect(await summary('airflow-1')).toEqual(await summary(builtIn));
    expect(outcomes.map((o) => o.state)).toEqual(['success', 'success', 'success', 'skipped', 'success']);
    expect(outcomes[0]!.attempt).toBe(2); // one retry inside the call
    expect(outcomes[1]!.branch).toEqual(['big']);
    expect((await store.getRun('airflow-1')).state).toBe('success');
  });

  it('leaves retries to the caller with retries 0, refuses a task whose upstream has not run, and is idempotent', async () => {
    const dag = branchingDag({ failuresLeft: 1 });
    await expect(runSingleTask(dag, store, { runId: 'r', taskId: 'route', owner: 't' })).rejects.toThrow(
      /waits for extract/,
    );
    const first = await runSingleTask(dag, store, { runId: 'r', taskId: 'extract', owner: 't', retries: 0 });
    expect(first).toMatchObject({ state: 'up_for_retry', attempt: 1 });
    const second = await runSingleTask(dag, store, { runId: 'r', taskId: 'extract', owner: 't', retries: 0 });
    expect(second).toMatchObject({ state: 'success', attempt: 2, output: { rows: 3 } });
    const again = await runSingleTask(dag, store, { runId: 'r', taskId: 'extract', owner: 't', retries: 0 });
    expect(again).toMatchObject({ state: 'success', attempt: 2 });
    // The branch sends this small run to `small`; once `report` runs, `big` was skipped and the run is done.
    for (const task of ['route', 'small', 'report'])
      await runSingleTask(dag, store, { runId: 'r', taskId: task, owner: 't' });
    expect((await summary('r')).big!.state).toBe('skipped');
    expect((await store.getRun('r')).state).toBe('success');
  });
});

describe('toAirflowDag', () => {
  const dag = branchingDag({ failuresLeft: 0 });
  const source = toAirflowDag(dag.toJSON(), { command: ['sodai', 'task', 'run', 'etl'], dagId: 'sodai_etl' });

  it('writes a Python file that compiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'airflow-'));
    try {
      writeFileSync(join(dir, 'sodai_etl.py'), source);
      const compiled = spawnSync('python3', ['-m', 'py_compile', join(dir, 'sodai_etl.py')], {
        encoding: 'utf8',
      });
      expect(compiled.status, compiled.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has one operator per task with its trigger rule, retries and command, the same edges and schedule', () => {
    const json = dag.toJSON();
    const operators = [
      ...source.matchAll(
        / = (BashOperator|BranchPythonOperator)\(\n\s+task_id="([^"]+)",\n\s+trigger_rule=TriggerRule\.(\w+),\n\s+retries=(\d+),/g,
      ),
    ].map((m) => ({ kind: m[1], id: m[2], rule: m[3]!.toLowerCase(), retries: Number(m[4]) }));
    expect(operators).toEqual(
      json.nodes.map((n) => ({
        kind: n.kind === 'branch' ? 'BranchPythonOperator' : 'BashOperator',
        id: n.id,
        rule: n.triggerRule,
        retries: n.retries,
      })),
    );
    const edges = [...source.matchAll(/^ {4}t_(\w+) >> t_(\w+)$/gm)].map((m) => ({ from: m[1], to: m[2] }));
    expect(edges).toEqual(json.edges.map((e) => ({ from: e.from, to: e.to })));
    expect(source).toContain('schedule="@daily"');
    expect(source).toContain(`bash_command="sodai task run etl extract --run-id '{{ run_id }}' --retries 0"`);
  });
});
