import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../src/run/orchestrator.ts';
import { openSqliteRunStore } from '../src/stores/sqlite-run-store.ts';
import { failDag, resumeDag } from './fixtures/crash-dags.ts';
import { tempDir } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/crash-child.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts the child, waits until `hang` runs, SIGKILLs it, and returns the run id. */
function crashMidTask(dbPath: string, dagId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, dagId], {
      env: { ...process.env, SODAI_CRASH_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let runId: string | null = null;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /STARTED (\S+)/.exec(out);
      if (m && runId === null) {
        runId = m[1] as string;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (_code, signal) => {
      if (runId !== null && signal === 'SIGKILL') resolve(runId);
      else reject(new Error(`child exited (${signal ?? _code}) before the task started: ${err}`));
    });
  });
}

describe('crash recovery (SIGKILL mid-task, SQLite)', () => {
  it('resumes the run: the interrupted attempt counts as failed, the task retries, finished work is kept', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const dbPath = join(dir, 'pipeline.db');
    const runId = await crashMidTask(dbPath, 'crash_resume');
    const store = await openSqliteRunStore(dbPath);
    try {
      const before = await store.getRun(runId);
      expect(before.state).toBe('running');
      expect((await store.taskInstances(runId)).map((t) => t.state)).toEqual([
        'success',
        'running',
        'pending',
      ]);
      const orchestrator = createOrchestrator({ store, dags: [resumeDag, failDag] });
      const recovered = await orchestrator.recover();
      expect(recovered).toEqual([{ runId, interruptedTasks: ['hang'] }]);
      const run = await orchestrator.waitForRun(runId);
      expect(run.state).toBe('success');
      expect(run.owner).toBe(orchestrator.owner);
      const tasks = await store.taskInstances(runId);
      expect(tasks.map((t) => [t.taskId, t.state, t.attempt])).toEqual([
        ['prepare', 'success', 1],
        ['hang', 'success', 2],
        ['finish', 'success', 1],
      ]);
      expect(tasks[1]?.output).toEqual({ resumedAt: 2, prepared: true });
      expect((await store.taskLogs(runId, 'hang')).map((l) => l.message)).toEqual([
        'attempt 2 after a crash',
      ]);
      await orchestrator.close();
    } finally {
      await store.close();
    }
  });

  it('fails the run when the interrupted task has no retries left; nothing stays running', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const dbPath = join(dir, 'pipeline.db');
    const runId = await crashMidTask(dbPath, 'crash_fail');
    const store = await openSqliteRunStore(dbPath);
    try {
      const orchestrator = createOrchestrator({ store, dags: [resumeDag, failDag] });
      await orchestrator.recover();
      const run = await orchestrator.waitForRun(runId);
      expect(run.state).toBe('failed');
      const tasks = await store.taskInstances(runId);
      expect(tasks.map((t) => [t.taskId, t.state])).toEqual([
        ['prepare', 'success'],
        ['hang', 'failed'],
        ['finish', 'upstream_failed'],
      ]);
      expect(tasks[1]?.error).toMatch(/TASK_INTERRUPTED/);
      expect(await store.listRuns({ states: ['running', 'queued'] })).toEqual([]);
      // A second restart finds nothing left to recover.
      expect(await createOrchestrator({ store, dags: [failDag] }).recover()).toEqual([]);
      await orchestrator.close();
    } finally {
      await store.close();
    }
  });
});
