import { describe, expect, it } from 'vitest';
import { DMatrix, train } from '../src/index.ts';
import { binaryData } from './helpers.ts';

describe('training off the main thread', () => {
  it('keeps the event loop ticking while a 1M-row model trains', async () => {
    const rows = 1_000_000;
    const cols = 10;
    const { X, y } = binaryData(rows, cols, 1);
    const dtrain = DMatrix.fromDense(X, { ncol: cols, label: y });

    let ticks = 0;
    let maxGapMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      last = now;
      ticks++;
    }, 10);
    const started = performance.now();
    const { booster } = await train(
      { objective: 'binary:logistic', tree_method: 'hist', max_depth: 6, nthread: 2 },
      dtrain,
      { numBoostRound: 20 },
    );
    const elapsedMs = performance.now() - started;
    clearInterval(timer);

    expect(booster.numBoostedRounds).toBe(20);
    // The loop ran the whole time: many ticks, and never a long stall.
    expect(ticks).toBeGreaterThan(elapsedMs / 10 / 3);
    expect(maxGapMs).toBeLessThan(200);
    booster.dispose();
    dtrain.dispose();
  });
});
