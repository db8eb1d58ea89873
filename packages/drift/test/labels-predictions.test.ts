import { describe, expect, it } from 'vitest';
import {
  createReference,
  detectDrift,
  DriftError,
  labelDrift,
  predictionDrift,
  toLabelRate,
} from '../src/index.ts';
import { SeededRandom } from './seeded.ts';

function scores(seed: number, n: number, shift = 0): Float64Array {
  const rng = new SeededRandom(seed);
  return new Float64Array(n).map(() => 1 / (1 + Math.exp(-rng.normal(-2 + shift, 1))));
}

function labels(seed: number, n: number, rate: number): Float64Array {
  const rng = new SeededRandom(seed);
  return new Float64Array(n).map(() => (rng.next() < rate ? 1 : 0));
}

describe('labelDrift', () => {
  it('alarms when the purchase rate moves, not when it holds', () => {
    expect(labelDrift({ positives: 500, total: 10_000 }, { positives: 800, total: 10_000 }).drifted).toBe(
      true,
    );
    expect(labelDrift({ positives: 500, total: 10_000 }, { positives: 520, total: 10_000 }).drifted).toBe(
      false,
    );
    const r = labelDrift(labels(1, 20_000, 0.12), labels(2, 5_000, 0.12));
    expect(r.drifted).toBe(false);
    expect(r.referenceRate).toBeCloseTo(0.12, 2);
  });

  it('needs a minimum relative change, so huge samples do not alarm on trivia', () => {
    const ref = { positives: 1_000_000, total: 10_000_000 };
    const cur = { positives: 1_020_000, total: 10_000_000 }; // 10 % → 10.2 %: significant, 2 % relative
    const r = labelDrift(ref, cur);
    expect(r.pValue!).toBeLessThan(1e-6);
    expect(r.drifted).toBe(false);
    expect(labelDrift(ref, cur, { minRelativeChange: 0 }).drifted).toBe(true);
  });

  it('PSI over the two classes is available, with its 0.1 threshold', () => {
    const r = labelDrift({ positives: 100, total: 1000 }, { positives: 400, total: 1000 }, { method: 'psi' });
    expect(r.method).toBe('psi');
    expect(r.statistic).toBeCloseTo(0.3 * Math.log(4) + -0.3 * Math.log(0.6 / 0.9), 10);
    expect(r.drifted).toBe(true);
  });

  it('rejects labels that are not 0/1', () => {
    expect(() => toLabelRate(new Float64Array([0, 0.7]))).toThrow(DriftError);
    expect(toLabelRate(new Float64Array([1, 0, Number.NaN]))).toEqual({ positives: 1, total: 2 });
  });
});

describe('prediction drift', () => {
  it('flags a moved score distribution and not a stable one', () => {
    const ref = scores(1, 20_000);
    expect(predictionDrift(ref, scores(2, 5_000)).drifted).toBe(false);
    const moved = predictionDrift(ref, scores(3, 5_000, 1));
    expect(moved.method).toBe('wasserstein');
    expect(moved.drifted).toBe(true);
  });

  it('detectDrift reports prediction and label drift from a snapshot that carries them', () => {
    const rng = new SeededRandom(5);
    const snapshot = createReference(
      { x: rng.normals(20_000) },
      { predictions: scores(1, 20_000), labels: labels(1, 20_000, 0.1) },
    );
    expect(snapshot.labels!.total).toBe(20_000);
    const calm = detectDrift(
      snapshot,
      { x: rng.normals(5_000) },
      { predictions: scores(2, 5_000), labels: labels(2, 5_000, 0.1) },
    );
    expect(calm.predictionDrift!.drifted).toBe(false);
    expect(calm.labelDrift!.drifted).toBe(false);
    const moved = detectDrift(
      snapshot,
      { x: rng.normals(5_000) },
      { predictions: scores(3, 5_000, 1), labels: labels(3, 5_000, 0.2) },
    );
    expect(moved.predictionDrift!.drifted).toBe(true);
    expect(moved.labelDrift!.drifted).toBe(true);
    // Prediction and label drift are reported, not counted in the feature verdict.
    expect(moved.verdict.drifted).toBe(false);
  });

  it('asks for reference scores when a raw reference has none', () => {
    expect(() =>
      detectDrift({ x: new Float64Array(3) }, { x: new Float64Array(3) }, { predictions: scores(1, 3) }),
    ).toThrow(/referencePredictions/);
  });
});
