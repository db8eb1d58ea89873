import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessExecutor, type ProcessExecutorOptions } from '../src/executors/process-executor.ts';
import { createOrchestrator } from '../src/run/orchestrator.ts';
import { openSqliteRunStore } from '../src/stores/sqlite-run-store.ts';
import { dyingDag, processDag } from './fixtures/process-dags.ts';
import { tempDir } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/process-child.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup(
  inProcess: readonly string[] = [],
  more: Pick<ProcessExecutorOptions, 'niceness' | 'warm' | 'idleMs' | 'attemptsPerChild'> = {},
  childEnv: NodeJS.ProcessEnv = {},
) {
  const dir = tempDir();
  dirs.push(dir);
  const dbPath = join(dir, 'pipeline.db');
  const store = await openSqliteRunStore(dbPath);
  const executor = new ProcessExecutor({
    command: () => ({
      file: process.execPath,
      args: ['--import', 'tsx', CHILD, dbPath],
      env: { ...process.env, ...childEnv },
    }),
    inProcess: new Set(inProcess),
    ...more,
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

/** This process's children whose command line names `script`. */
function childrenRunning(script: string): number {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script);
      } catch {
        return false; // ended while we looked
      }
    }).length;
}

/** Runs `dagId` to success and returns each task's output. */
async function outputsOfRun(
  { orchestrator, store }: Pick<Awaited<ReturnType<typeof setup>>, 'orchestrator' | 'store'>,
  dagId: string,
): Promise<Map<string, Record<string, number>>> {
  const runId = await orchestrator.trigger(dagId);
  expect((await orchestrator.waitForRun(runId)).state).toBe('success');
  return new Map(
    (await store.taskInstances(runId)).map((t) => [t.taskId, t.output as Record<string, number>]),
  );
}

describe('ProcessExecutor', () => {
  it('runs each attempt in its own child process, outputs passed downstream through the store; named tasks stay in this process', async () => {
    const run = await setup(['here']);
    try {
      const out = await outputsOfRun(run, 'in_processes');
      const [where, after, here] = [out.get('where')!, out.get('after')!, out.get('here')!];
      expect(where.pid).not.toBe(process.pid);
      expect(after.pid).not.toBe(process.pid);
      expect(after.pid).not.toBe(where.pid);
      expect(after.upstreamPid).toBe(where.pid);
      expect(here.pid).toBe(process.pid);
    } finally {
      await run.close();
    }
  }, 60_000);

  it('children run at the niceness given, this process at its own; a task that prints a lot on stdout does not stall', async () => {
    const own = getPriority();
    const run = await setup(['here'], { niceness: 7 });
    try {
      const out = await outputsOfRun(run, 'in_processes');
      expect(out.get('where')!.niceness).toBe(Math.max(own, 7));
      expect(out.get('here')!.niceness).toBe(own);
    } finally {
      await run.close();
    }
  }, 60_000);

  it('the next attempt goes to a child started while the task before it ran, and an unused child stops after its idle time', async () => {
    // `here` stays in this process, so `after` is the only attempt that can take the warm child.
    const run = await setup(['here'], { warm: 1, idleMs: 3000 });
    try {
      const out = (await outputsOfRun(run, 'in_processes')).get('after')!;
      expect(out.processStartedAt).toBeLessThan(out.upstreamEndedAt!);
      // The idle time counts from a child's load, which takes several seconds on a loaded machine
      // (a full suite beside three other test runs took 10 s and failed here): wait for that too.
      const deadline = Date.now() + 40_000;
      while (childrenRunning(CHILD) > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(childrenRunning(CHILD)).toBe(0);
    } finally {
      await run.close();
    }
  }, 60_000);

  it('a warm child that takes longer to load than the idle time is not let go before it could take an attempt', async () => {
    // Every child loads for 3 s, longer than the 2 s idle time: counted from the spawn, the warm
    // child was let go while `where`'s child still loaded, and `after` waited for a new one.
    const run = await setup(['here'], { warm: 1, idleMs: 2000 }, { FIXTURE_LOAD_MS: '3000' });
    try {
      const out = (await outputsOfRun(run, 'in_processes')).get('after')!;
      expect(out.processStartedAt).toBeLessThan(out.upstreamEndedAt!);
    } finally {
      await run.close();
    }
  }, 60_000);

  it('without warm children, each child starts when its attempt comes', async () => {
    const run = await setup(['here'], { warm: 0 });
    try {
      const out = (await outputsOfRun(run, 'in_processes')).get('after')!;
      expect(out.processStartedAt).toBeGreaterThanOrEqual(out.upstreamEndedAt! - 0.05);
    } finally {
      await run.close();
    }
  }, 60_000);

  it('a child runs attempts one after another up to attemptsPerChild; one killed mid-task is replaced, its attempt retried', async () => {
    const run = await setup(['here'], { attemptsPerChild: 10, warm: 0 });
    const { store, orchestrator } = run;
    try {
      const out = await outputsOfRun(run, 'in_processes');
      expect(out.get('after')!.pid).toBe(out.get('where')!.pid);
      expect(out.get('where')!.pid).not.toBe(process.pid);

      const dying = await orchestrator.trigger('dies');
      expect((await orchestrator.waitForRun(dying)).state).toBe('success');
      const [task] = await store.taskInstances(dying, ['die']);
      expect(task?.output).toEqual({ survived: 2 });
      const logs = (await store.taskLogs(dying, 'die')).map((l) => l.message);
      expect(logs.at(-1)).not.toBe(`attempt 2 in ${out.get('where')!.pid}`);
    } finally {
      await run.close();
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
