import { describe, expect, it } from 'vitest';
import {
  createStudy,
  MedianPruner,
  RandomSampler,
  SuccessiveHalvingPruner,
  TrialPruned,
  type FrozenTrial,
  type Trial,
} from '../src/index.ts';

/** A learning curve whose final loss is x; trials with large x are visibly worse from the first steps. */
function curveObjective(steps: number, reported: number[]) {
  return (t: Trial): number => {
    const x = t.suggestFloat('x', 0, 1);
    let loss = 0;
    for (let step = 0; step < steps; step++) {
      loss = x + 1 / (step + 1);
      t.report(loss, step);
      reported[t.number] = step + 1;
      if (t.shouldPrune()) throw new TrialPruned();
    }
    return loss;
  };
}

function frozen(number: number, state: FrozenTrial['state'], values: Record<number, number>): FrozenTrial {
  return {
    id: number + 1,
    number,
    state,
    value: null,
    params: {},
    distributions: {},
    intermediateValues: values,
    userAttrs: {},
    fixedParams: {},
    error: null,
    startedAtMs: null,
    completedAtMs: null,
  };
}

describe('MedianPruner', () => {
  it('stops trials worse than the median and records them as pruned with their last value', async () => {
    const reported: number[] = [];
    const study = await createStudy({
      sampler: new RandomSampler({ seed: 9 }),
      pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 2 }),
    });
    await study.optimize(curveObjective(20, reported), { nTrials: 30 });
    const pruned = study.trials.filter((t) => t.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(5);
    for (const t of pruned) {
      expect(reported[t.number]).toBeLessThan(20);
      expect(reported[t.number]).toBeGreaterThanOrEqual(3); // warm-up steps 0 and 1 are never pruned
      expect(t.value).toBe(t.intermediateValues[reported[t.number]! - 1]);
    }
    // No pruning before 5 trials completed.
    expect(study.trials.slice(0, 5).every((t) => t.state === 'complete')).toBe(true);
    const completed = study.trials.filter((t) => t.state === 'complete');
    const meanX = (ts: readonly FrozenTrial[]) =>
      ts.reduce((s, t) => s + (t.params.x as number), 0) / ts.length;
    expect(meanX(pruned)).toBeGreaterThan(meanX(completed.slice(5)));
  });

  it('checks only at interval steps after the warm-up', () => {
    const pruner = new MedianPruner({ nStartupTrials: 1, nWarmupSteps: 2, intervalSteps: 3 });
    const context = {
      direction: 'minimize' as const,
      trials: [frozen(0, 'complete', { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })],
    };
    const bad = (upTo: number) =>
      frozen(1, 'running', Object.fromEntries(Array.from({ length: upTo + 1 }, (_, s) => [s, 10])));
    expect([0, 1, 2, 3, 4, 5].map((s) => pruner.prune(context, bad(s)))).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('does not prune a trial better than the median, and respects the direction', () => {
    const pruner = new MedianPruner({ nStartupTrials: 1 });
    const trials = [frozen(0, 'complete', { 0: 1 }), frozen(1, 'complete', { 0: 3 })];
    expect(pruner.prune({ direction: 'minimize', trials }, frozen(2, 'running', { 0: 1.5 }))).toBe(false);
    expect(pruner.prune({ direction: 'minimize', trials }, frozen(2, 'running', { 0: 2.5 }))).toBe(true);
    expect(pruner.prune({ direction: 'maximize', trials }, frozen(2, 'running', { 0: 2.5 }))).toBe(false);
  });
});

describe('SuccessiveHalvingPruner', () => {
  it('keeps the best 1/reductionFactor at each rung', () => {
    const pruner = new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 2 });
    const others = [1, 2, 3].map((v, i) => frozen(i, 'complete', { 1: v, 2: v }));
    expect(pruner.prune({ direction: 'minimize', trials: others }, frozen(3, 'running', { 1: 1.5 }))).toBe(
      false,
    );
    expect(pruner.prune({ direction: 'minimize', trials: others }, frozen(3, 'running', { 1: 2.5 }))).toBe(
      true,
    );
    expect(pruner.prune({ direction: 'minimize', trials: others }, frozen(3, 'running', { 0: 99 }))).toBe(
      false,
    ); // before rung 0
  });

  it('stops trials in a study run', async () => {
    const reported: number[] = [];
    const study = await createStudy({
      sampler: new RandomSampler({ seed: 4 }),
      pruner: new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 3 }),
    });
    await study.optimize(curveObjective(27, reported), { nTrials: 30 });
    const pruned = study.trials.filter((t) => t.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(10);
    expect(pruned.every((t) => reported[t.number]! < 27)).toBe(true);
    expect(study.bestTrial!.params.x as number).toBeLessThan(0.2);
  });
});
