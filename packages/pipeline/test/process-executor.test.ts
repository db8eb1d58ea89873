import { rmSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessExecutor } from '../src/executors/process-executor.ts';
import { createOrchestrator } from '../src/run/orchestrator.ts';
import { openSqliteRunStore } from '../src/stores/sqlite-run-store.ts';
import { dyingDag, processDag } from './fixtures/process-dags.ts';
import { tempDir } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/process-child.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup(inProcess: readonly string[] = [], niceness?: number) {
  const dir = tempDir();
  dirs.push(dir);
  const dbPath = join(dir, 'pipeline.db');
  const store = await openSqliteRunStore(dbPath);
  const executor = new ProcessExecutor({
    command: (attempt) => ({
      file: process.execPath,
      args: ['--import', 'tsx', CHILD, dbPath, JSON.stringify(attempt)],
    }),
    inProcess: new Set(inProcess),
    ...(niceness === undefined ? {} : { niceness }),
  });
  const orchestrator = createOrchestrator({ store, dags: [processDag, dyingDag], executor });
  return {
    store,
    orchestrator,
    async close() {
      await orchestrator.close();
      await executor.close();
      await store.close();
    },
  };
}

describe('ProcessExecutor', () => {
  it('runs each attempt in its own child process, outputs passed downstream through the store; named tasks stay in this process', async () => {
    const { store, orchestrator, close } = await setup(['here']);
    try {
      const runId = await orchestrator.trigger('in_processes');
      expect((await orchestrator.waitForRun(runId)).state).toBe('success');
      const out = new Map(
        (await store.taskInstances(runId)).map((t) => [t.taskId, t.output as Record<string, number>]),
      );
      const [where, after, here] = [out.get('where')!, out.get('after')!, out.get('here')!];
      expect(where.pid).not.toBe(process.pid);
      expect(after.pid).not.toBe(process.pid);
      expect(after.pid).not.toBe(where.pid);
      expect(after.upstreamPid).toBe(where.pid);
      expect(here.pid).toBe(process.pid);
    } finally {
      await close();
    }
  }, 60_000);

  it('children run at the niceness given, this process at its own; a task that prints a lot on stdout still reports its outcome', async () => {
    const own = getPriority();
    const { store, orchestrator, close } = await setup(['here'], 7);
    try {
      const runId = await orchestrator.trigger('in_processes');
      expect((await orchestrator.waitForRun(runId)).state).toBe('success');
      const out = new Map(
        (await store.taskInstances(runId)).map((t) => [t.taskId, t.output as Record<string, number>]),
      );
      expect(out.get('where')!.niceness).toBe(Math.max(own, 7));
      expect(out.get('here')!.niceness).toBe(own);
    } finally {
      await close();
    }
  }, 60_000);

  it('a child killed mid-task is an interrupted attempt: retried by the task policy, and this process carries on', async () => {
    const { store, orchestrator, close } = await setup();
    try {
      const runId = await orchestrator.trigger('dies');
      expect((await orchestrator.waitForRun(runId)).state).toBe('success');
      const [task] = await store.taskInstances(runId, ['die']);
      expect(task?.attempt).toBe(2);
      expect(task?.output).toEqual({ survived: 2 });
      // Attempt 1's log line may die with its process; attempt 2 ran in another child.
      const logs = (await store.taskLogs(runId, 'die')).map((l) => l.message);
      expect(logs.at(-1)).toMatch(/^attempt 2 in \d+$/);
      expect(logs.at(-1)).not.toBe(`attempt 2 in ${process.pid}`);
    } finally {
      await close();
    }
  }, 60_000);
});
