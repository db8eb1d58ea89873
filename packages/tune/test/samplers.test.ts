import { describe, expect, it } from 'vitest';
import {
  createStudy,
  defaultGamma,
  defaultWeights,
  RandomSampler,
  TpeSampler,
  type Sampler,
  type Trial,
} from '../src/index.ts';

const objective = (t: Trial): number => {
  const x = t.suggestFloat('x', -5, 5);
  const y = t.suggestInt('y', -5, 5);
  const c = t.suggestCategorical('c', ['a', 'b', 'c']);
  return (x - 1.5) ** 2 + (y + 2) ** 2 + (c === 'b' ? 0 : 3);
};

async function run(sampler: Sampler, nTrials: number, concurrency = 1) {
  const study = await createStudy({ sampler });
  await study.optimize(objective, { nTrials, concurrency });
  return study;
}

describe('seeded determinism', () => {
  it.each([
    ['random', (s: number) => new RandomSampler({ seed: s })],
    ['tpe', (s: number) => new TpeSampler({ seed: s })],
    ['tpe multivariate', (s: number) => new TpeSampler({ seed: s, multivariate: true })],
    ['tpe constant liar', (s: number) => new TpeSampler({ seed: s, constantLiar: true })],
  ])('%s replays the same trials for the same seed', async (_name, make) => {
    const a = await run(make(11), 25);
    const b = await run(make(11), 25);
    const c = await run(make(12), 25);
    const params = (s: typeof a) => s.trials.map((t) => t.params);
    expect(params(a)).toEqual(params(b));
    expect(params(a)).not.toEqual(params(c));
  });

  it('random sampling does not depend on concurrency: each trial draws from its own stream', async () => {
    const seq = await run(new RandomSampler({ seed: 5 }), 12, 1);
    const par = await run(new RandomSampler({ seed: 5 }), 12, 4);
    expect(par.trials.map((t) => t.params)).toEqual(seq.trials.map((t) => t.params));
  });
});

describe('TPE', () => {
  it('uses Optuna default gamma and weights', () => {
    expect([1, 10, 11, 100, 250, 1000].map(defaultGamma)).toEqual([1, 1, 2, 10, 25, 25]);
    expect(Array.from(defaultWeights(3))).toEqual([1, 1, 1]);
    const w = defaultWeights(30);
    expect(w.length).toBe(30);
    expect(w[0]).toBeCloseTo(1 / 30);
    expect(w[4]).toBeCloseTo(1);
    expect(Array.from(w.subarray(5))).toEqual(new Array(25).fill(1));
  });

  it('samples at random during the start-up trials, then concentrates near the optimum', async () => {
    const tpe = await run(new TpeSampler({ seed: 3 }), 60);
    const rnd = await run(new RandomSampler({ seed: 3 }), 60);
    const startupTpe = tpe.trials.slice(0, 10).map((t) => t.params);
    const startupRnd = rnd.trials.slice(0, 10).map((t) => t.params);
    expect(startupTpe).toEqual(startupRnd);
    const late = (s: typeof tpe) => s.trials.slice(30).reduce((acc, t) => acc + (t.value as number), 0) / 30;
    expect(late(tpe)).toBeLessThan(late(rnd) / 2);
    expect(tpe.bestTrial!.value!).toBeLessThan(1);
    const lateChoices = tpe.trials.slice(30).filter((t) => t.params.c === 'b').length;
    expect(lateChoices).toBeGreaterThan(20);
  });

  it('maximizes when asked to', async () => {
    const study = await createStudy({ direction: 'maximize', sampler: new TpeSampler({ seed: 2 }) });
    await study.optimize((t) => -((t.suggestFloat('x', 0, 10) - 7) ** 2), { nTrials: 40 });
    expect(Math.abs((study.bestTrial!.params.x as number) - 7)).toBeLessThan(0.5);
  });

  it('multivariate TPE models the joint space once it is known', async () => {
    const study = await run(new TpeSampler({ seed: 4, multivariate: true }), 50);
    expect(study.bestTrial!.value!).toBeLessThan(1.5);
  });
});
