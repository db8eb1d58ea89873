import { describe, expect, it } from 'vitest';
import {
  contains,
  createStudy,
  floatDistribution,
  intDistribution,
  RandomSampler,
  TpeSampler,
  TuneError,
  type Sampler,
} from '../src/index.ts';

const samplers: [string, (seed: number) => Sampler][] = [
  ['random', (seed) => new RandomSampler({ seed })],
  ['tpe', (seed) => new TpeSampler({ seed, nStartupTrials: 5 })],
  ['tpe multivariate', (seed) => new TpeSampler({ seed, nStartupTrials: 5, multivariate: true })],
];

describe.each(samplers)('%s sampler respects the search space', (_name, make) => {
  it('keeps bounds, log scale, steps, integrality and choices', async () => {
    const study = await createStudy({ sampler: make(3) });
    const seen = { logLow: 0, logHigh: 0 };
    await study.optimize(
      (t) => {
        const a = t.suggestFloat('a', -2, 3);
        const lr = t.suggestFloat('lr', 1e-5, 1e-1, { log: true });
        const q = t.suggestFloat('q', 0, 1, { step: 0.1 });
        const n = t.suggestInt('n', 1, 9, { step: 2 });
        const m = t.suggestInt('m', 1, 1000, { log: true });
        const c = t.suggestCategorical('c', ['x', 'y', 'z']);
        expect(a).toBeGreaterThanOrEqual(-2);
        expect(a).toBeLessThanOrEqual(3);
        expect(lr).toBeGreaterThanOrEqual(1e-5);
        expect(lr).toBeLessThanOrEqual(1e-1);
        if (lr < 1e-3) seen.logLow++;
        else seen.logHigh++;
        expect(Math.abs(q * 10 - Math.round(q * 10))).toBeLessThan(1e-9);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
        expect([1, 3, 5, 7, 9]).toContain(n);
        expect(Number.isInteger(m) && m >= 1 && m <= 1000).toBe(true);
        expect(['x', 'y', 'z']).toContain(c);
        return (a - 1) ** 2 + Math.abs(Math.log10(lr) + 3) + q + n / 10 + m / 1000 + (c === 'y' ? 0 : 1);
      },
      { nTrials: 40 },
    );
    // Log sampling puts about half the mass below 1e-3 (uniform sampling would put 1 %).
    expect(seen.logLow).toBeGreaterThan(5);
    for (const t of study.trials)
      for (const [name, v] of Object.entries(t.params))
        expect(contains(t.distributions[name]!, v)).toBe(true);
  });
});

describe('distributions', () => {
  it('moves high onto the step grid and rejects invalid spaces', () => {
    expect(floatDistribution(0, 1.05, { step: 0.1 }).high).toBe(1);
    expect(intDistribution(1, 10, { step: 3 }).high).toBe(10);
    expect(intDistribution(1, 9, { step: 3 }).high).toBe(7);
    expect(() => floatDistribution(1, 0)).toThrow(TuneError);
    expect(() => floatDistribution(0, 1, { log: true })).toThrow(/low > 0/);
    expect(() => floatDistribution(1, 2, { log: true, step: 0.1 })).toThrow(TuneError);
    expect(() => intDistribution(1, 10, { log: true, step: 2 })).toThrow(TuneError);
  });

  it('returns the same value when a parameter is suggested twice, and rejects a changed distribution', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    const trial = await study.ask();
    const x = trial.suggestFloat('x', 0, 1);
    expect(trial.suggestFloat('x', 0, 1)).toBe(x);
    expect(() => trial.suggestFloat('x', 0, 2)).toThrow(
      expect.objectContaining({ code: 'INCOMPATIBLE_DISTRIBUTION' }),
    );
    expect(trial.suggestInt('single', 4, 4)).toBe(4);
    await study.tell(trial, x);
  });
});
