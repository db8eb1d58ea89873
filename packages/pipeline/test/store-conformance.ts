import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineDag } from '../src/dag/dag.ts';
import type { RunStore } from '../src/stores/run-store.ts';
import type { OpenFixture, StoreFixture } from './helpers.ts';

const dag = defineDag({ id: 'conf' });
dag.task('a', { retries: 1 }, () => 1);
dag.task('b', { upstream: ['a'] }, () => 1);
const structure = dag.toJSON();

async function newRun(store: RunStore, id: string, runKey: string | null = null) {
  return store.createRun({
    id,
    dag: structure,
    trigger: 'manual',
    runKey,
    params: { x: 1 },
    logicalDate: new Date(1_700_000_000_000),
  });
}

/** One behavioural contract for every RunStore; each implementation's test file calls this. */
export function describeStoreConformance(name: string, open: OpenFixture, enabled = true): void {
  describe.runIf(enabled)(`RunStore conformance: ${name}`, () => {
    let fx: StoreFixture;
    let store: RunStore;
    beforeEach(async () => {
      fx = await open();
      store = fx.store;
    });
    afterEach(async () => fx.cleanup());

    it('creates a queued run with pending tasks and the DAG structure; records are frozen', async () => {
      const run = await newRun(store, 'r1');
      expect([run.state, run.dagId, run.owner, run.trigger]).toEqual(['queued', 'conf', null, 'manual']);
      expect(run.dag).toEqual(structure);
      expect(run.params).toEqual({ x: 1 });
      expect(run.logicalDate.getTime()).toBe(1_700_000_000_000);
      expect(Object.isFrozen(run)).toBe(true);
      const tasks = await store.taskInstances('r1');
      expect(tasks.map((t) => [t.taskId, t.state, t.attempt])).toEqual([
        ['a', 'pending', 0],
        ['b', 'pending', 0],
      ]);
      expect(Object.isFrozen(tasks[0])).toBe(true);
      await expect(store.getRun('missing')).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
    });

    it('refuses a second run with the same run key for the DAG', async () => {
      await newRun(store, 'r1', 'schedule:2024');
      await expect(newRun(store, 'r2', 'schedule:2024')).rejects.toMatchObject({ code: 'RUN_EXISTS' });
      await newRun(store, 'r3', null);
      await newRun(store, 'r4', null);
      expect((await store.listRuns()).map((r) => r.id).sort()).toEqual(['r1', 'r3', 'r4']);
    });

    it('walks the task transitions and refuses the wrong ones', async () => {
      await newRun(store, 'r1');
      await expect(store.claimTask('r1', 'a', 1)).resolves.toMatchObject({ state: 'running', attempt: 1 });
      await expect(store.claimTask('r1', 'a', 1)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      await expect(store.completeTask('r1', 'a', 2, 'x')).rejects.toMatchObject({
        code: 'INVALID_TRANSITION',
      });
      await expect(store.failTask('r1', 'a', 1, 'Error: flaky', true)).resolves.toMatchObject({
        state: 'up_for_retry',
      });
      await expect(store.claimTask('r1', 'a', 3)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      await store.claimTask('r1', 'a', 2);
      const done = await store.completeTask('r1', 'a', 2, { rows: [1, 2], nested: { ok: true } });
      expect([done.state, done.output, done.error]).toEqual([
        'success',
        { rows: [1, 2], nested: { ok: true } },
        null,
      ]);
      await expect(store.skipTask('r1', 'a', 'skipped')).rejects.toMatchObject({
        code: 'INVALID_TRANSITION',
      });
      await expect(store.skipTask('r1', 'b', 'upstream_failed')).resolves.toMatchObject({
        state: 'upstream_failed',
      });
      await expect(store.claimTask('r1', 'nope', 1)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
      const tasks = await store.taskInstances('r1');
      expect(tasks[0]?.output).toEqual({ rows: [1, 2], nested: { ok: true } });
      expect((await store.taskInstances('r1', ['b'])).map((t) => t.taskId)).toEqual(['b']);
      expect(await store.taskInstances('r1', [])).toEqual([]);
      expect(tasks[0]?.startedAt).toBeInstanceOf(Date);
    });

    it('only the winner of a claim race runs the attempt', async () => {
      await newRun(store, 'r1');
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => store.claimTask('r1', 'a', 1)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('walks the run transitions', async () => {
      await newRun(store, 'r1');
      const started = await store.startRun('r1', '1@host');
      expect([started.state, started.owner]).toEqual(['running', '1@host']);
      await expect(store.startRun('r1', '2@host')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      const finished = await store.finishRun('r1', 'failed', 'failed tasks: a');
      expect([finished.state, finished.error]).toEqual(['failed', 'failed tasks: a']);
      expect(finished.finishedAt).toBeInstanceOf(Date);
      await expect(store.finishRun('r1', 'success')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    });

    it('lists runs by DAG, state and trigger, newest first or by logical date', async () => {
      for (const [i, day] of [3, 1, 2].entries()) {
        await store.createRun({
          id: `r${i}`,
          dag: structure,
          trigger: i === 0 ? 'schedule' : 'backfill',
          params: {},
          logicalDate: new Date(Date.UTC(2024, 0, day)),
        });
        await new Promise((r) => setTimeout(r, 3));
      }
      await store.startRun('r1', 'me');
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['r2', 'r1', 'r0']);
      expect((await store.listRuns({ orderBy: 'logicalDate' })).map((r) => r.id)).toEqual(['r0', 'r2', 'r1']);
      expect((await store.listRuns({ states: ['running'] })).map((r) => r.id)).toEqual(['r1']);
      expect((await store.listRuns({ trigger: 'schedule' })).map((r) => r.id)).toEqual(['r0']);
      expect(await store.listRuns({ dagId: 'other' })).toEqual([]);
      expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
    });

    it('deletes finished runs with their tasks and logs, never unfinished ones', async () => {
      for (const id of ['done', 'broken', 'busy', 'waiting']) await newRun(store, id);
      for (const id of ['done', 'broken', 'busy']) await store.startRun(id, 'me');
      await store.appendLog('done', 'a', 1, 'info', 'twelve chars');
      await store.appendLog('done', 'b', 1, 'info', 'abc');
      await store.finishRun('done', 'success');
      await store.finishRun('broken', 'failed', 'a failed');
      const later = new Date(Date.now() + 60_000);
      // Both finished within a millisecond or two: compare by id, not by their order.
      const expired = [...(await store.expiredRuns(later))].sort((a, b) => a.runId.localeCompare(b.runId));
      expect(expired.map((r) => [r.runId, r.state, r.taskCount, r.logLines, r.logChars])).toEqual([
        ['broken', 'failed', 2, 0, 0],
        ['done', 'success', 2, 2, 15],
      ]);
      expect(await store.expiredRuns(new Date(0))).toEqual([]);
      const deleted = await store.deleteFinishedRuns(['done', 'busy', 'waiting', 'missing']);
      expect(deleted).toEqual(['done']);
      await expect(store.getRun('done')).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
      await expect(store.taskInstances('done')).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
      expect(await store.taskLogs('done', 'a')).toEqual([]);
      expect((await store.listRuns()).map((r) => r.id).sort()).toEqual(['broken', 'busy', 'waiting']);
    });

    it("retention keeps each DAG's latest scheduled run, so the scheduler does not catch up again", async () => {
      for (const day of [1, 8]) {
        const id = `s${day}`;
        await store.createRun({
          id,
          dag: structure,
          trigger: 'schedule',
          runKey: `schedule:${day}`,
          params: {},
          logicalDate: new Date(Date.UTC(2024, 0, day)),
        });
        await store.startRun(id, 'me');
        await store.finishRun(id, 'success');
      }
      const later = new Date(Date.now() + 60_000);
      expect((await store.expiredRuns(later)).map((r) => r.runId)).toEqual(['s1']);
      expect(await store.deleteFinishedRuns(['s1', 's8'])).toEqual(['s1']);
      const [last] = await store.listRuns({ trigger: 'schedule', orderBy: 'logicalDate', limit: 1 });
      expect(last?.id).toBe('s8');
    });

    it('keeps task logs in order, per task', async () => {
      await newRun(store, 'r1');
      for (let i = 0; i < 5; i++)
        await store.appendLog('r1', 'a', 1, i === 4 ? 'error' : 'info', `line ${i}`);
      await store.appendLog('r1', 'b', 1, 'warn', 'other');
      const logs = await store.taskLogs('r1', 'a');
      expect(logs.map((l) => l.message)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
      expect(logs[4]?.level).toBe('error');
      expect(await store.taskLogs('r1', 'b')).toHaveLength(1);
    });

    it('recovers runs of dead owners: interrupted attempts retry when retries remain, else fail', async () => {
      await newRun(store, 'dead');
      await store.startRun('dead', 'dead@host');
      await store.claimTask('dead', 'a', 1);
      await newRun(store, 'dead2');
      await store.startRun('dead2', 'dead@host');
      await store.claimTask('dead2', 'a', 1);
      await store.failTask('dead2', 'a', 1, 'x', true);
      await store.claimTask('dead2', 'a', 2);
      await newRun(store, 'alive');
      await store.startRun('alive', 'alive@host');
      await store.claimTask('alive', 'a', 1);
      const recovered = await store.recoverInterrupted('new@host', (o) => o === 'dead@host');
      expect(recovered.map((r) => [r.runId, r.interruptedTasks]).sort()).toEqual([
        ['dead', ['a']],
        ['dead2', ['a']],
      ]);
      expect((await store.getRun('dead')).owner).toBe('new@host');
      expect((await store.taskInstances('dead'))[0]).toMatchObject({ state: 'up_for_retry', attempt: 1 });
      expect((await store.taskInstances('dead2'))[0]).toMatchObject({ state: 'failed', attempt: 2 });
      expect((await store.taskInstances('dead2'))[0]?.error).toMatch(/TASK_INTERRUPTED/);
      expect((await store.taskInstances('alive'))[0]?.state).toBe('running');
      expect(await store.recoverInterrupted('other@host', (o) => o === 'dead@host')).toEqual([]);
    });

    it('remembers sensor keys; each key is new exactly once', async () => {
      expect(await store.unseen('s', ['a', 'b'])).toEqual(['a', 'b']);
      expect(await store.markSeen('s', ['a', 'b'])).toEqual(['a', 'b']);
      expect(await store.markSeen('s', ['b', 'c'])).toEqual(['c']);
      expect(await store.unseen('s', ['a', 'c', 'd'])).toEqual(['d']);
      expect(await store.unseen('other', ['a'])).toEqual(['a']);
    });
  });
}
