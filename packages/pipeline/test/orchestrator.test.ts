import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDag } from '../src/dag/dag.ts';
import { UnrecoverableTaskError } from '../src/errors.ts';
import type { Executor } from '../src/executors/executor.ts';
import { InlineExecutor } from '../src/executors/inline-executor.ts';
import { createOrchestrator, type Orchestrator } from '../src/run/orchestrator.ts';
import type { RunStore } from '../src/stores/run-store.ts';
import { openSqliteFixture, sleep, type StoreFixture } from './helpers.ts';

let fx: StoreFixture;
let store: RunStore;
const orchestrators: Orchestrator[] = [];

beforeEach(async () => {
  fx = await openSqliteFixture();
  store = fx.store;
});
afterEach(async () => {
  for (const o of orchestrators.splice(0)) await o.close();
  await fx.cleanup();
});

function orchestrate(...dags: Parameters<typeof createOrchestrator>[0]['dags']): Orchestrator {
  const o = createOrchestrator({ store, dags, onError: () => {} });
  orchestrators.push(o);
  return o;
}

async function states(runId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await store.taskInstances(runId)).map((t) => [t.taskId, t.state]));
}

describe('orchestrator (inline, SQLite)', () => {
  it('hands typed outputs downstream, captures logs and stores the DAG structure with the run', async () => {
    const dag = defineDag({ id: 'etl', params: z.object({ factor: z.number() }) });
    const extract = dag.task('extract', {}, async (ctx) => {
      ctx.log.info(`extracting for ${ctx.logicalDate.toISOString()}`);
      return { rows: [1, 2, 3] };
    });
    const total = dag.task('total', { upstream: [extract] }, async (ctx) => {
      const e = ctx.input(extract);
      ctx.log.warn('summing');
      return e.rows.reduce((a, b) => a + b, 0) * ctx.params.factor;
    });
    dag.task(
      'report',
      { upstream: [total, 'extract'] },
      async (ctx) => `${ctx.input<number>('total')} from ${ctx.input(extract).rows.length}`,
    );
    const o = orchestrate(dag);
    const logicalDate = new Date('2024-03-04T00:00:00Z');
    const runId = await o.trigger('etl', { params: { factor: 10 }, logicalDate });
    const run = await o.waitForRun(runId);
    expect(run.state).toBe('success');
    expect(run.logicalDate).toEqual(logicalDate);
    expect(run.params).toEqual({ factor: 10 });
    expect(run.dag).toEqual(dag.toJSON());
    const tasks = await store.taskInstances(runId);
    expect(tasks.map((t) => [t.taskId, t.state, t.attempt, t.output])).toEqual([
      ['extract', 'success', 1, { rows: [1, 2, 3] }],
      ['total', 'success', 1, 60],
      ['report', 'success', 1, '60 from 3'],
    ]);
    const logs = await store.taskLogs(runId, 'extract');
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ['info', 'extracting for 2024-03-04T00:00:00.000Z'],
    ]);
    expect((await store.taskLogs(runId, 'total'))[0]?.level).toBe('warn');
    await expect(o.trigger('etl', { params: { factor: 'x' } })).rejects.toMatchObject({
      code: 'INVALID_PARAMS',
    });
  });

  it('skips the branch not chosen and propagates the skip by trigger rule', async () => {
    const dag = defineDag({ id: 'br' });
    dag.task('start', {}, () => 'ok');
    dag.branch('should_retrain', { upstream: ['start'] }, () => ['train']);
    dag.task('train', { upstream: ['should_retrain'] }, () => 'model');
    dag.task('keep', { upstream: ['should_retrain'] }, () => 'kept');
    dag.task('after_keep', { upstream: ['keep'] }, () => 'x');
    dag.task('after_keep_done', { upstream: ['after_keep'], triggerRule: 'all_done' }, () => 'done anyway');
    dag.task(
      'join',
      { upstream: ['train', 'after_keep'], triggerRule: 'none_failed_min_one_success' },
      (ctx) => ({
        model: ctx.maybeInput<string>('train') ?? null,
        kept: ctx.maybeInput<string>('after_keep') ?? null,
      }),
    );
    dag.task('strict_join', { upstream: ['train', 'keep'] }, () => 'never');
    dag.task('either', { upstream: ['train', 'keep'], triggerRule: 'one_success' }, () => 'one');
    const o = orchestrate(dag);
    const run = await o.waitForRun(await o.trigger('br'));
    expect(run.state).toBe('success');
    expect(await states(run.id)).toEqual({
      start: 'success',
      should_retrain: 'success',
      train: 'success',
      keep: 'skipped',
      after_keep: 'skipped',
      after_keep_done: 'success',
      join: 'success',
      strict_join: 'skipped',
      either: 'success',
    });
    const join = (await store.taskInstances(run.id)).find((t) => t.taskId === 'join');
    expect(join?.output).toEqual({ model: 'model', kept: null });
  });

  it('a branch choosing nothing skips all its direct downstream tasks; a bad choice fails without retry', async () => {
    const dag = defineDag({ id: 'none' });
    dag.branch('b', {}, () => []);
    dag.task('x', { upstream: ['b'] }, () => 1);
    dag.task('y', { upstream: ['x'], triggerRule: 'one_success' }, () => 1);
    const bad = defineDag({ id: 'bad' });
    bad.branch('b', { retries: 3, retryDelayMs: 1 }, () => ['nope']);
    bad.task('x', { upstream: ['b'] }, () => 1);
    const o = orchestrate(dag, bad);
    const r1 = await o.waitForRun(await o.trigger('none'));
    expect(await states(r1.id)).toEqual({ b: 'success', x: 'skipped', y: 'skipped' });
    expect(r1.state).toBe('success');
    const r2 = await o.waitForRun(await o.trigger('bad'));
    expect(r2.state).toBe('failed');
    const b = (await store.taskInstances(r2.id))[0];
    expect([b?.state, b?.attempt]).toEqual(['failed', 1]);
    expect(b?.error).toMatch(/must return ids among/);
    expect(await states(r2.id)).toMatchObject({ x: 'upstream_failed' });
  });

  it('marks downstream upstream_failed, runs all_done cleanup, and fails the run', async () => {
    const dag = defineDag({ id: 'fail' });
    dag.task('a', {}, () => {
      throw new Error('boom');
    });
    dag.task('b', { upstream: ['a'] }, () => 1);
    dag.task('c', { upstream: ['b'] }, () => 1);
    dag.task('cleanup', { upstream: ['a'], triggerRule: 'all_done' }, () => 'cleaned');
    const o = orchestrate(dag);
    const run = await o.waitForRun(await o.trigger('fail'));
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/a, b, c/);
    expect(await states(run.id)).toEqual({
      a: 'failed',
      b: 'upstream_failed',
      c: 'upstream_failed',
      cleanup: 'success',
    });
    expect((await store.taskInstances(run.id))[0]?.error).toBe('Error: boom');
  });

  it('calls onRunFinished once per finished run before waitForRun returns, and a throwing hook changes nothing', async () => {
    const dag = defineDag({ id: 'hooked', params: z.object({ fail: z.boolean() }) });
    dag.task('only', {}, (ctx) => {
      if (ctx.params.fail) throw new UnrecoverableTaskError('asked to fail');
      return 1;
    });
    const seen: string[] = [];
    const errors: unknown[] = [];
    const o = createOrchestrator({
      store,
      dags: [dag],
      onError: (e) => errors.push(e),
      onRunFinished: (run) => {
        seen.push(`${run.id}:${run.state}`);
        if (run.state === 'failed') throw new Error('hook broke');
      },
    });
    orchestrators.push(o);
    const ok = await o.waitForRun(await o.trigger('hooked', { params: { fail: false } }));
    expect(seen).toEqual([`${ok.id}:success`]);
    const bad = await o.waitForRun(await o.trigger('hooked', { params: { fail: true } }));
    expect(bad.state).toBe('failed');
    expect(seen).toEqual([`${ok.id}:success`, `${bad.id}:failed`]);
    expect(String(errors[0])).toMatch(/hook broke/);
    expect((await store.getRun(bad.id)).state).toBe('failed');
  });

  it('a flaky task succeeds after exponential backoff', async () => {
    let calls = 0;
    const times: number[] = [];
    const dag = defineDag({ id: 'flaky' });
    dag.task('flaky', { retries: 3, retryDelayMs: 40, maxRetryDelayMs: 1000, retryJitter: 0 }, (ctx) => {
      times.push(Date.now());
      calls++;
      if (ctx.attempt < 3) throw new Error(`transient ${ctx.attempt}`);
      return 'finally';
    });
    const o = orchestrate(dag);
    const run = await o.waitForRun(await o.trigger('flaky'));
    expect(run.state).toBe('success');
    expect(calls).toBe(3);
    const [t] = await store.taskInstances(run.id);
    expect([t?.state, t?.attempt, t?.output]).toEqual(['success', 3, 'finally']);
    // 40 ms then 80 ms: the second wait is the doubled one.
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(38);
    expect((times[2] as number) - (times[1] as number)).toBeGreaterThanOrEqual(78);
    const logs = await store.taskLogs(run.id, 'flaky');
    expect(logs.map((l) => [l.attempt, l.message])).toEqual([
      [1, 'attempt 1 failed (will retry): Error: transient 1'],
      [2, 'attempt 2 failed (will retry): Error: transient 2'],
    ]);
  });

  it('a non-retryable error fails at once, whether unrecoverable or refused by the predicate', async () => {
    let calls = 0;
    const dag = defineDag({ id: 'nr' });
    dag.task('unrecoverable', { retries: 5, retryDelayMs: 1 }, () => {
      calls++;
      throw new UnrecoverableTaskError('bad input');
    });
    dag.task(
      'predicate',
      { retries: 5, retryDelayMs: 1, retryable: (e) => !(e instanceof TypeError) },
      () => {
        calls++;
        throw new TypeError('contract');
      },
    );
    const o = orchestrate(dag);
    const run = await o.waitForRun(await o.trigger('nr'));
    expect(run.state).toBe('failed');
    expect(calls).toBe(2);
    expect((await store.taskInstances(run.id)).map((t) => [t.taskId, t.state, t.attempt])).toEqual([
      ['unrecoverable', 'failed', 1],
      ['predicate', 'failed', 1],
    ]);
  });

  it('a timeout aborts ctx.signal and fails the attempt (retried like any retryable error)', async () => {
    const aborts: string[] = [];
    const dag = defineDag({ id: 'slow' });
    dag.task(
      'slow',
      { timeoutMs: 50, retries: 1, retryDelayMs: 1 },
      (ctx) =>
        new Promise((_, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborts.push(String((ctx.signal.reason as Error).message));
            reject(ctx.signal.reason);
          });
        }),
    );
    const o = orchestrate(dag);
    const started = Date.now();
    const run = await o.waitForRun(await o.trigger('slow'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.state).toBe('failed');
    const [t] = await store.taskInstances(run.id);
    expect([t?.state, t?.attempt]).toEqual(['failed', 2]);
    expect(t?.error).toMatch(/timed out after 50 ms/);
    expect(aborts).toHaveLength(2);
  });

  it('a task ignoring its signal still times out, and its late result is never recorded', async () => {
    const dag = defineDag({ id: 'deaf' });
    dag.task('deaf', { timeoutMs: 30 }, () => sleep(150).then(() => 'late'));
    const o = orchestrate(dag);
    const run = await o.waitForRun(await o.trigger('deaf'));
    await sleep(200);
    const [t] = await store.taskInstances(run.id);
    expect([run.state, t?.state, t?.output]).toEqual(['failed', 'failed', undefined]);
  });

  it('limits concurrent tasks (executor) and concurrent runs (maxActiveRuns)', async () => {
    let active = 0;
    let peak = 0;
    const track = async (): Promise<void> => {
      active++;
      peak = Math.max(peak, active);
      await sleep(20);
      active--;
    };
    const wide = defineDag({ id: 'wide', maxActiveRuns: 1 });
    for (let i = 0; i < 6; i++) wide.task(`t${i}`, {}, track);
    const o = createOrchestrator({ store, dags: [wide], executor: new InlineExecutor({ concurrency: 2 }) });
    orchestrators.push(o);
    const ids = [await o.trigger('wide'), await o.trigger('wide'), await o.trigger('wide')];
    expect((await store.getRun(ids[2] as string)).state).toBe('queued');
    const runs = await Promise.all(ids.map((id) => o.waitForRun(id)));
    expect(runs.map((r) => r.state)).toEqual(['success', 'success', 'success']);
    expect(peak).toBe(2);
    // maxActiveRuns 1: each run started after the previous one finished.
    for (let i = 1; i < runs.length; i++) {
      expect((runs[i]?.startedAt as Date).getTime()).toBeGreaterThanOrEqual(
        (runs[i - 1]?.finishedAt as Date).getTime(),
      );
    }
  });

  it('backfills a date range once per fire time, oldest first', async () => {
    const seen: string[] = [];
    const dag = defineDag({ id: 'weekly', schedule: '@weekly' });
    dag.task('t', {}, (ctx) => {
      seen.push(ctx.logicalDate.toISOString().slice(0, 10));
    });
    const o = orchestrate(dag);
    const ids = await o.backfill(
      'weekly',
      new Date('2024-01-01T00:00:00Z'),
      new Date('2024-01-31T00:00:00Z'),
    );
    expect(ids).toHaveLength(4);
    await Promise.all(ids.map((id) => o.waitForRun(id)));
    expect(seen).toEqual(['2024-01-07', '2024-01-14', '2024-01-21', '2024-01-28']);
    expect(
      await o.backfill('weekly', new Date('2024-01-01T00:00:00Z'), new Date('2024-02-05T00:00:00Z')),
    ).toHaveLength(1);
  });

  it('scheduler catch-up creates the missed runs since the start date, and none twice', async () => {
    const dag = defineDag({
      id: 'daily',
      schedule: '0 6 * * *',
      startDate: new Date('2024-05-01T00:00:00Z'),
    });
    dag.task('t', {}, () => 1);
    const noCatchUp = defineDag({
      id: 'nocatch',
      schedule: '0 6 * * *',
      startDate: new Date('2024-05-01T00:00:00Z'),
    });
    noCatchUp.task('t', {}, () => 1);
    const o = orchestrate(dag, noCatchUp);
    const now = new Date('2024-05-04T07:00:00Z');
    const ids = await o.scheduleDue(now);
    expect(ids).toHaveLength(4 + 4);
    expect(await o.scheduleDue(now)).toEqual([]);
    const later = await o.scheduleDue(new Date('2024-05-07T07:00:00Z'), { catchUp: false });
    expect(later).toHaveLength(2);
    const runs = await store.listRuns({ dagId: 'daily', orderBy: 'logicalDate' });
    expect(runs[0]?.logicalDate.toISOString()).toBe('2024-05-07T06:00:00.000Z');
    expect(runs.map((r) => r.trigger)).toEqual(Array(5).fill('schedule'));
    await Promise.all([...ids, ...later].map((id) => o.waitForRun(id)));
  });

  it('the file sensor triggers one run per new file and remembers files across restarts', async () => {
    const dag = defineDag({ id: 'landing', params: z.object({ file: z.string() }) });
    dag.task('ingest', {}, (ctx) => ctx.params.file);
    const o = orchestrate(dag);
    const landing = join(fx.dir);
    writeFileSync(join(landing, 'week1.parquet'), 'x');
    writeFileSync(join(landing, 'notes.txt'), 'x');
    const sensor = o.fileSensor({ dir: landing, pattern: '*.parquet', dagId: 'landing' });
    expect(await sensor.poll()).toEqual([join(landing, 'week1.parquet')]);
    expect(await sensor.poll()).toEqual([]);
    writeFileSync(join(landing, 'week2.parquet'), 'x');
    const restarted = orchestrate(dag).fileSensor({ dir: landing, pattern: '*.parquet', dagId: 'landing' });
    expect(await restarted.poll()).toEqual([join(landing, 'week2.parquet')]);
    const runs = await store.listRuns({ dagId: 'landing' });
    expect(runs.map((r) => (r.params as { file: string }).file).sort()).toEqual([
      join(landing, 'week1.parquet'),
      join(landing, 'week2.parquet'),
    ]);
    for (const r of runs) expect((await o.waitForRun(r.id)).state).toBe('success');
  });

  it('the file sensor fires again for a file replaced under its name (a corrected batch over a refused one), once per version', async () => {
    const dag = defineDag({ id: 'replaced', params: z.object({ file: z.string() }) });
    dag.task('ingest', {}, (ctx) => ctx.params.file);
    const landing = join(fx.dir, 'replaced');
    mkdirSync(landing);
    const file = join(landing, 'week1.csv');
    writeFileSync(file, 'refused');
    const sense = () => orchestrate(dag).fileSensor({ dir: landing, pattern: '*.csv', dagId: 'replaced' });
    expect(await sense().poll()).toEqual([file]);
    writeFileSync(file, 'corrected, and longer');
    utimesSync(file, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(await sense().poll()).toEqual([file]);
    expect(await sense().poll()).toEqual([]);
    const runs = await store.listRuns({ dagId: 'replaced' });
    expect(runs).toHaveLength(2);
    const o = orchestrate(dag);
    for (const r of runs) expect((await o.waitForRun(r.id)).state).toBe('success');
  });

  it('a bucket listing with versions fires for a replaced object; a store that kept only names adopts the versions it finds', async () => {
    const dag = defineDag({ id: 'versions', params: z.object({ file: z.string() }) });
    dag.task('ingest', {}, (ctx) => ctx.params.file);
    // An earlier version remembered names only: week1 was seen before versions were kept.
    await store.markSeen('file:versions:s3://landing/v', ['week1.csv']);
    let objects = [
      { name: 'week1.csv', version: 'a' },
      { name: 'week2.csv', version: 'b' },
    ];
    const list = () => Promise.resolve(objects);
    const sense = () =>
      orchestrate(dag).fileSensor({ dir: 's3://landing/v/', list, pattern: /\.csv$/, dagId: 'versions' });
    // Only the new name fires: week1's version is taken as known, not as a replacement.
    expect(await sense().poll()).toEqual(['s3://landing/v/week2.csv']);
    objects = [
      { name: 'week1.csv', version: 'a' },
      { name: 'week2.csv', version: 'c' },
    ];
    expect(await sense().poll()).toEqual(['s3://landing/v/week2.csv']);
    expect(await sense().poll()).toEqual([]);
    const runs = await store.listRuns({ dagId: 'versions' });
    expect(runs).toHaveLength(2);
    const o = orchestrate(dag);
    for (const r of runs) expect((await o.waitForRun(r.id)).state).toBe('success');
  });

  it('a sensor over a listing that is not a folder (a bucket prefix) fires once per new name, keyed by the listing', async () => {
    const dag = defineDag({ id: 'bucket', params: z.object({ file: z.string() }) });
    dag.task('ingest', {}, (ctx) => ctx.params.file);
    const keys = ['2024/week1.csv', 'README.md'];
    const list = () => Promise.resolve([...keys]);
    const sense = () =>
      orchestrate(dag).fileSensor({ dir: 's3://landing/in/', list, pattern: /\.csv$/, dagId: 'bucket' });
    expect(await sense().poll()).toEqual(['s3://landing/in/2024/week1.csv']);
    keys.unshift('2024/week0.csv', '2024/week2.csv');
    expect(await sense().poll()).toEqual([
      's3://landing/in/2024/week0.csv',
      's3://landing/in/2024/week2.csv',
    ]);
    expect(await sense().poll()).toEqual([]);
    const runs = await store.listRuns({ dagId: 'bucket' });
    expect(runs).toHaveLength(3);
    const o = orchestrate(dag);
    for (const r of runs) expect((await o.waitForRun(r.id)).state).toBe('success');
    expect(runs.map((r) => r.trigger)).toEqual(['sensor', 'sensor', 'sensor']);
  });
});

describe('inputs', () => {
  it('a task reads any ancestor; reading a non-ancestor fails at once, without retries', async () => {
    const dag = defineDag({ id: 'inputs' });
    dag.task('a', {}, () => 'from a');
    dag.task('b', { upstream: ['a'] }, () => 'from b');
    dag.task('c', { upstream: ['b'] }, (ctx) => `${ctx.input<string>('a')} via c`);
    dag.task('side', {}, () => 'side');
    dag.task('d', { upstream: ['c'], retries: 3, retryDelayMs: 1 }, (ctx) => ctx.input<string>('side'));
    const o = orchestrate(dag);
    const run = await o.waitForRun(await o.trigger('inputs'));
    const tasks = await store.taskInstances(run.id);
    expect(tasks.find((t) => t.taskId === 'c')?.output).toBe('from a via c');
    const d = tasks.find((t) => t.taskId === 'd');
    expect([d?.state, d?.attempt]).toEqual(['failed', 1]);
    expect(d?.error).toMatch(/INPUT_NOT_AVAILABLE|not upstream/);
  });
});

describe('executor failures', () => {
  it('an attempt lost by the executor counts as failed and is retried', async () => {
    const dag = defineDag({ id: 'lost' });
    dag.task('x', { retries: 1, retryDelayMs: 5 }, (ctx) => `ran attempt ${ctx.attempt}`);
    const inline = new InlineExecutor();
    let lost = 0;
    const executor: Executor = {
      async execute(attempt, env) {
        if (attempt.attempt === 1) {
          lost++;
          throw new Error('worker vanished');
        }
        return inline.execute(attempt, env);
      },
      close: () => inline.close(),
    };
    const o = createOrchestrator({ store, dags: [dag], executor, onError: () => {} });
    orchestrators.push(o);
    const run = await o.waitForRun(await o.trigger('lost'));
    expect(lost).toBe(1);
    expect(run.state).toBe('success');
    const [t] = await store.taskInstances(run.id);
    expect([t?.state, t?.attempt, t?.output]).toEqual(['success', 2, 'ran attempt 2']);
  });
});

describe('startScheduler (real timers)', () => {
  it('fires a per-second schedule from its start, and stops', async () => {
    const dag = defineDag({ id: 'every_second', schedule: '* * * * * *', maxActiveRuns: 3 });
    dag.task('t', {}, (ctx) => ctx.logicalDate.getTime());
    const o = orchestrate(dag);
    const started = Date.now();
    const handle = o.startScheduler();
    await sleep(2300);
    handle.stop();
    const runs = await store.listRuns({ dagId: 'every_second', orderBy: 'logicalDate' });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(3);
    for (const r of runs) {
      expect(r.trigger).toBe('schedule');
      expect(r.logicalDate.getTime() % 1000).toBe(0);
      expect(r.logicalDate.getTime()).toBeGreaterThan(started - 1000);
      expect((await o.waitForRun(r.id)).state).toBe('success');
    }
    await sleep(1100);
    expect(await store.listRuns({ dagId: 'every_second' })).toHaveLength(runs.length);
  });
});
