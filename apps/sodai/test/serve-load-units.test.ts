/** Regression tests for the load findings of issue 18 that need no server: slicing, budgets, reloads. */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { CostLimiter } from '../src/serve/cost-limiter.ts';
import { NativeMemoryGovernor, registerGovernorMetrics } from '../src/serve/native-memory-governor.ts';
import { TimeSlicer } from '../src/serve/time-slicer.ts';
import { ModelHolder, type ModelProvider } from '../src/scoring/model-holder.ts';
import type { ServingModel } from '../src/scoring/serving-model.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('finding 3: bulk scoring holds the event loop', () => {
  it('a sliced bulk job lets the event loop turn between slices', async () => {
    const slicer = new TimeSlicer(5);
    let turns = 0;
    let finished = false;
    const probe = () => {
      if (finished) return;
      turns++;
      setImmediate(probe);
    };
    setImmediate(probe);
    // 200 items of 1 ms: 40 slices of 5 ms. Run whole, the loop would not turn once.
    const job = slicer.map(
      Array.from({ length: 200 }, (_, i) => i),
      (i) => {
        busy(1);
        return i * 2;
      },
    );
    const results = await job;
    finished = true;
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i * 2));
    expect(turns).toBeGreaterThanOrEqual(20);
  });

  it('jobs finishing together answer in separate event-loop turns, not all in one', async () => {
    // Each finished job's continuation serializes and writes a whole answer; eight of them in one
    // turn held /health for ~100 ms. A timer set by the first job's continuation must fire before
    // the second job's continuation runs.
    const slicer = new TimeSlicer(1_000);
    const order: string[] = [];
    const first = slicer
      .map([1], (x) => x)
      .then(() => {
        order.push('first');
        setTimeout(() => order.push('turn'), 0);
        busy(3); // the timer is due before the loop could turn again
      });
    const second = slicer.map([2], (x) => x).then(() => order.push('second'));
    await Promise.all([first, second]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(['first', 'turn', 'second']);
  });

  it('a small job submitted behind a big one finishes first (jobs take turns)', async () => {
    const slicer = new TimeSlicer(2);
    const order: string[] = [];
    const big = slicer.map(Array.from({ length: 300 }), () => busy(0.2)).then(() => order.push('big'));
    const small = slicer.map([1, 2, 3], (x) => x).then(() => order.push('small'));
    await Promise.all([big, small]);
    expect(order).toEqual(['small', 'big']);
  });

  it('an item that throws fails its own job only', async () => {
    const slicer = new TimeSlicer(5);
    const bad = slicer.map([1, 2, 3], (x) => {
      if (x === 2) throw new Error('boom at 2');
      return x;
    });
    const good = slicer.map([4, 5], (x) => x + 1);
    await expect(bad).rejects.toThrow('boom at 2');
    await expect(good).resolves.toEqual([5, 6]);
    expect(slicer.pending).toBe(0);
  });

  it('bulk scoring is limited by cost per client, not by request count', () => {
    let now = 0;
    const limiter = new CostLimiter({ capacity: 2_000, refillPerSecond: 100 }, () => now);
    expect(limiter.take('a', 1_000)).toBe(0);
    expect(limiter.take('a', 1_000)).toBe(0);
    const wait = limiter.take('a', 1_000);
    expect(wait).toBe(10); // 1,000 units at 100 a second
    expect(limiter.take('b', 1_000)).toBe(0); // another client has its own budget
    now += 10_000;
    expect(limiter.take('a', 1_000)).toBe(0);
    // A clock moving backwards refills nothing (nor drains); time counts again from there.
    now -= 60_000;
    expect(limiter.take('a', 1_000)).toBe(10);
    now += 10_000;
    expect(limiter.take('a', 1_000)).toBe(0);
  });
});

describe('finding 8: reload storms', () => {
  it('thirty reloads during a slow load coalesce into one more load, and all resolve', async () => {
    let loads = 0;
    let version = 0;
    const model = (v: number) =>
      ({
        version: v,
        predict: () => undefined,
        retire: () => undefined,
      }) as unknown as ServingModel;
    const provider: ModelProvider = {
      championVersion: () => Promise.resolve(version),
      load: async () => {
        loads++;
        version++;
        await new Promise((r) => setTimeout(r, 30));
        return model(version);
      },
    };
    const holder = new ModelHolder(provider, { pollIntervalMs: 0 });
    const first = holder.reload();
    await new Promise((r) => setTimeout(r, 5)); // the first load is running
    const storm = Array.from({ length: 30 }, () => holder.reload());
    const outcomes = await Promise.all([first, ...storm]);
    expect(loads).toBe(2);
    expect(outcomes[0]!.version).toBe(1);
    expect(new Set(outcomes.slice(1).map((o) => o.version))).toEqual(new Set([2]));
    await holder.close();
  });
});

describe('soak: native memory behind small JS wrappers', () => {
  const MB = 2 ** 20;

  it('collects once resident memory grew by the threshold, then measures from after the collection', () => {
    let rss = 300 * MB;
    let collections = 0;
    const governor = new NativeMemoryGovernor({
      growthMb: 128,
      rss: () => rss,
      collect: () => {
        collections++;
        rss -= 20 * MB; // the allocator keeps most of what a collection frees
      },
    });
    rss = 420 * MB;
    expect(governor.check()).toBe(false);
    rss = 430 * MB;
    expect(governor.check()).toBe(true);
    // 410 MB after the collection: the next one waits for 538 MB.
    rss = 530 * MB;
    expect(governor.check()).toBe(false);
    rss = 540 * MB;
    expect(governor.check()).toBe(true);
    expect(collections).toBe(2);
    expect(governor.collections).toBe(2);
  });

  it('memory handed back lowers the mark the next growth is measured from', () => {
    let rss = 500 * MB;
    let collections = 0;
    const governor = new NativeMemoryGovernor({
      growthMb: 100,
      rss: () => rss,
      collect: () => collections++,
    });
    rss = 300 * MB;
    expect(governor.check()).toBe(false);
    rss = 410 * MB;
    expect(governor.check()).toBe(true);
    expect(collections).toBe(1);
  });

  it('/metrics shows how many collections the governor ran and the pause they cost', async () => {
    let rss = 0;
    const governor = new NativeMemoryGovernor({
      growthMb: 1,
      rss: () => rss,
      collect: () => {
        const until = performance.now() + 5;
        while (performance.now() < until); // a collection stops the event loop
      },
    });
    const registry = new Registry();
    registerGovernorMetrics(registry, governor);
    rss = 2 * MB;
    governor.check();
    const text = await registry.metrics();
    expect(text).toMatch(/^sodai_memory_collections_total 1$/m);
    const pause = Number(/^sodai_memory_collection_pause_seconds_total (\S+)$/m.exec(text)?.[1]);
    expect(pause).toBeGreaterThanOrEqual(0.005);
    expect(pause).toBeLessThan(1);
  });

  it('the default collection is a real one: objects only a FinalizationRegistry sees are finalized', async () => {
    const finalized: string[] = [];
    const registry = new FinalizationRegistry<string>((name) => finalized.push(name));
    (() => {
      registry.register({ payload: new Array(1000).fill(0) }, 'wrapper');
    })();
    let rss = 0;
    const governor = new NativeMemoryGovernor({ growthMb: 1, rss: () => rss });
    rss = 2 * MB;
    expect(governor.check()).toBe(true);
    for (let i = 0; i < 20 && finalized.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(finalized).toEqual(['wrapper']);
  });
});
