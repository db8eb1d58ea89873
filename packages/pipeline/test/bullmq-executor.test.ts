import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceGate } from '@sodai/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { BullMQExecutor } from '../src/executors/bullmq-executor.ts';
import { createOrchestrator } from '../src/run/orchestrator.ts';
import type { RunStore } from '../src/stores/run-store.ts';
import { openSqliteRunStore } from '../src/stores/sqlite-run-store.ts';
import { fanoutDag, workerCrashDag } from './fixtures/fanout-dag.ts';
import { sleep, tempDir } from './helpers.ts';

const WORKER = fileURLToPath(new URL('./fixtures/bullmq-worker.ts', import.meta.url));
const redis = await serviceGate('redis');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function startWorkerProcess(dbPath: string, queueName: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dbPath, queueName, redis.url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('READY')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
  });
}

function stopWorkerProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function summary(store: RunStore, runId: string) {
  return (await store.taskInstances(runId)).map((t) => [t.taskId, t.state, t.attempt, t.output]);
}

describe.runIf(redis.available)('BullMQ executor (two worker processes, local Redis)', () => {
  it('runs the same DAG to the same outputs as the inline executor', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'pipeline.db');
    const store = await openSqliteRunStore(dbPath);
    cleanups.push(() => store.close());

    const inline = createOrchestrator({ store, dags: [fanoutDag], executor: undefined, onError: () => {} });
    const inlineRun = await inline.waitForRun(await inline.trigger('fanout', { params: { n: 5 } }));
    await inline.close();
    expect(inlineRun.state).toBe('success');

    const queueName = `pipeline-test-${randomBytes(6).toString('hex')}`;
    const executor = new BullMQExecutor({ redisUrl: redis.url, queueName });
    cleanups.push(async () => {
      await executor.obliterate();
      await executor.close();
    });
    const workers = await Promise.all([
      startWorkerProcess(dbPath, queueName),
      startWorkerProcess(dbPath, queueName),
    ]);
    cleanups.push(() => Promise.all(workers.map(stopWorkerProcess)).then(() => undefined));

    const queued = createOrchestrator({ store, dags: [fanoutDag], executor, onError: () => {} });
    const queuedRun = await queued.waitForRun(await queued.trigger('fanout', { params: { n: 5 } }));
    await queued.close();
    expect(queuedRun.state).toBe('success');
    expect(await summary(store, queuedRun.id)).toEqual(await summary(store, inlineRun.id));
    expect((await store.taskInstances(queuedRun.id)).find((t) => t.taskId === 'flaky')?.attempt).toBe(2);

    // Work really left this process and was shared by both workers.
    const pids = new Set<string>();
    for (const t of fanoutDag.tasks) {
      for (const l of await store.taskLogs(queuedRun.id, t.id)) {
        const m = /^pid (\d+)$/.exec(l.message);
        if (m) pids.add(m[1] as string);
      }
    }
    expect(pids.has(String(process.pid))).toBe(false);
    expect([...pids].sort()).toEqual(workers.map((w) => String(w.pid)).sort());
  });

  it('a worker SIGKILLed mid-task: the stalled job counts as a failed attempt and the retry runs on the other worker', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'pipeline.db');
    const store = await openSqliteRunStore(dbPath);
    cleanups.push(() => store.close());
    const queueName = `pipeline-test-${randomBytes(6).toString('hex')}`;
    const executor = new BullMQExecutor({ redisUrl: redis.url, queueName });
    cleanups.push(async () => {
      await executor.obliterate();
      await executor.close();
    });
    const workers = await Promise.all([
      startWorkerProcess(dbPath, queueName),
      startWorkerProcess(dbPath, queueName),
    ]);
    cleanups.push(() => Promise.all(workers.map(stopWorkerProcess)).then(() => undefined));
    const o = createOrchestrator({ store, dags: [workerCrashDag], executor, onError: () => {} });
    const runId = await o.trigger('worker_crash');
    let victim: string | undefined;
    for (let i = 0; i < 200 && victim === undefined; i++) {
      victim = /^pid (\d+)$/.exec((await store.taskLogs(runId, 'hang'))[0]?.message ?? '')?.[1];
      if (victim === undefined) await sleep(50);
    }
    const dead = workers.find((w) => String(w.pid) === victim);
    expect(dead).toBeDefined();
    dead?.kill('SIGKILL');
    const run = await o.waitForRun(runId);
    await o.close();
    expect(run.state).toBe('success');
    const [t] = await store.taskInstances(runId);
    expect([t?.state, t?.attempt, t?.output]).toEqual(['success', 2, { attempt: 2 }]);
    const pids = (await store.taskLogs(runId, 'hang')).map((l) => l.message);
    expect(pids).toHaveLength(2);
    expect(pids[1]).not.toBe(pids[0]);
  });

  it('an attempt whose job Redis forgot (restarted without its data) is interrupted instead of awaited for ever', async () => {
    const queueName = `pipeline-test-${randomBytes(6).toString('hex')}`;
    const executor = new BullMQExecutor({ redisUrl: redis.url, queueName, pollMs: 100 });
    cleanups.push(async () => {
      await executor.obliterate();
      await executor.close();
    });
    const dag = fanoutDag;
    const store = await openSqliteRunStore(join(tempDir(), 'pipeline.db'));
    cleanups.push(() => store.close());
    // No worker takes the job; Redis then loses it, as a restart without persistence does.
    const waiting = executor.execute({ dagId: dag.id, runId: 'r1', taskId: 't', attempt: 1 }, { dag, store });
    await sleep(300);
    await executor.obliterate();
    await expect(waiting).rejects.toMatchObject({ code: 'TASK_INTERRUPTED' });
  });
});
