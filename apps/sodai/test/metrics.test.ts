import { describe, expect, it } from 'vitest';
import { bootstrapF1Difference } from '../src/model/bootstrap.ts';
import {
  averagePrecision,
  bestF1Threshold,
  confusionAt,
  f1FromConfusion,
  rankingAtK,
} from '../src/model/metrics.ts';
import { seededRandom as createRng } from '@sodai/random';

describe('metrics', () => {
  it('finds the F1-optimal threshold, counting purchases the candidates missed', () => {
    const rng = createRng(3);
    const scores = Float32Array.from({ length: 300 }, () => rng());
    const labels = Float32Array.from(scores, (s) => (rng() < s ? 1 : 0));
    const missed = 17;
    const best = bestF1Threshold(scores, labels, missed);
    let brute = 0;
    for (const t of scores)
      brute = Math.max(brute, f1FromConfusion(confusionAt(scores, labels, t, missed)).f1);
    expect(best.f1).toBeCloseTo(brute, 10);
    expect(f1FromConfusion(confusionAt(scores, labels, best.threshold, missed)).f1).toBeCloseTo(brute, 10);
  });

  it('average precision is 1 for a perfect ranking and near the base rate for noise', () => {
    expect(averagePrecision([0.9, 0.8, 0.1, 0.05], [1, 1, 0, 0])).toBe(1);
    const rng = createRng(9);
    const labels = Float32Array.from({ length: 20000 }, () => (rng() < 0.2 ? 1 : 0));
    const noise = Float32Array.from(labels, () => rng());
    expect(averagePrecision(noise, labels)).toBeCloseTo(0.2, 1);
  });

  it('ranks per customer at k', () => {
    const r = rankingAtK([0.9, 0.8, 0.7, 0.9, 0.1], [1, 0, 1, 0, 1], [1, 1, 1, 2, 2], 2);
    expect(r.customers).toBe(2);
    expect(r.precision).toBeCloseTo((1 / 2 + 1 / 2) / 2);
    expect(r.recall).toBeCloseTo((1 / 2 + 1) / 2);
  });

  it('bootstraps a reproducible interval that excludes 0 only for a real difference', () => {
    const strong = new Map<number, { tp: number; fp: number; fn: number }>();
    const weak = new Map<number, { tp: number; fp: number; fn: number }>();
    for (let c = 0; c < 200; c++) {
      strong.set(c, { tp: 8, fp: 2, fn: 2 });
      weak.set(c, { tp: 5, fp: 5, fn: 5 });
    }
    const a = bootstrapF1Difference(strong, weak, { seed: 1 });
    expect(a).toEqual(bootstrapF1Difference(strong, weak, { seed: 1 }));
    expect(a.low).toBeGreaterThan(0);
    const same = bootstrapF1Difference(strong, strong, { seed: 1 });
    expect(same.low).toBeLessThanOrEqual(0);
    expect(same.high).toBeGreaterThanOrEqual(0);
  });
});
