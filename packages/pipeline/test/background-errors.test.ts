import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineDag } from '../src/dag/dag.ts';
import { createOrchestrator } from '../src/run/orchestrator.ts';
import type { RunStore } from '../src/stores/run-store.ts';
import { openSqliteFixture, type StoreFixture } from './helpers.ts';

let fx: StoreFixture;
beforeEach(async () => {
  fx = await openSqliteFixture();
});
afterEach(() => fx.cleanup());

/** The fixture's store, except that listing runs (what starting queued runs needs) fails. */
function storeFailingToList(store: RunStore): RunStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'listRuns') return () => Promise.reject(new Error('store unreachable'));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const dag = defineDag({ id: 'one' });
dag.task('noop', {}, async () => 1);

describe('background failures', () => {
  it('go to the injected onError', async () => {
    const seen: unknown[] = [];
    const o = createOrchestrator({
      store: storeFailingToList(fx.store),
      dags: [dag],
      onError: (e) => seen.push(e),
    });
    await o.trigger('one');
    await o.close();
    expect(seen).toEqual([expect.objectContaining({ message: 'store unreachable' })]);
  });

  it('become a process warning when no onError is given, never console output', async () => {
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      const o = createOrchestrator({ store: storeFailingToList(fx.store), dags: [dag] });
      await o.trigger('one');
      await o.close();
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.map((w) => [w.name, w.message])).toEqual([
      ['PipelineBackgroundError', 'Error: store unreachable'],
    ]);
  });
});

/** The fixture's store, except that every call fails while `down.now` is set (its database restarting). */
function storeThatGoesDown(store: RunStore, down: { now: boolean }): RunStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        down.now
          ? Promise.reject(new Error('connection refused'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}

describe('the run store going away mid-run', () => {
  it('does not crash the process, and the run is recorded failed once the store is back', async () => {
    const down = { now: false };
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gated = defineDag({ id: 'gated' });
    gated.task('wait', {}, async () => {
      started();
      await gate;
      return 1;
    });
    const seen: unknown[] = [];
    const o = createOrchestrator({
      store: storeThatGoesDown(fx.store, down),
      dags: [gated],
      onError: (e) => seen.push(e),
    });
    const runId = await o.trigger('gated');
    await running;
    // The task ends while the store is unreachable: recording it fails, and so does the first
    // attempt to mark the run failed; the store comes back a moment later.
    down.now = true;
    release();
    setTimeout(() => (down.now = false), 400);
    const run = await o.waitForRun(runId);
    await o.close();
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/orchestrator error: .*connection refused/);
    expect(seen).not.toEqual([]);
    expect((await fx.store.getRun(runId)).state).toBe('failed');
  });
});
