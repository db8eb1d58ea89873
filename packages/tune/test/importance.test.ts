import { describe, expect, it } from 'vitest';
import { createStudy, paramImportances, RandomSampler } from '../src/index.ts';

describe('paramImportances', () => {
  it('ranks a parameter that drives the objective above irrelevant ones, shares summing to 1', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 8 }) });
    await study.optimize(
      (t) => {
        const strong = t.suggestFloat('strong', -1, 1);
        const weak = t.suggestInt('weak', 0, 10);
        t.suggestCategorical('noise', ['a', 'b', 'c']);
        return 10 * strong ** 2 + 0.5 * weak;
      },
      { nTrials: 80 },
    );
    const imp = await study.paramImportances();
    expect(Object.keys(imp)).toEqual(['strong', 'weak', 'noise']);
    expect(imp.strong!).toBeGreaterThan(0.6);
    expect(imp.noise!).toBeLessThan(0.15);
    expect(Object.values(imp).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('returns no importances without complete trials', () => {
    expect(paramImportances([])).toEqual({});
  });
});
