import { describe, expect, it } from 'vitest';
import { calibrate, expectedCalibrationError, fitPlatt } from '../src/model/calibration.ts';
import { weekThreshold } from '../src/model/decision-rule.ts';
import { confusionAt, f1FromConfusion } from '../src/model/metrics.ts';
import { seededRandom as createRng } from '@sodai/random';

/** Rows whose true purchase probability is `truth`, scored by a model that is overconfident. */
function week(rows: number, scale: number, seed: number) {
  const rng = createRng(seed);
  const truth = Float64Array.from({ length: rows }, () => Math.min(0.95, rng() ** 2 * scale));
  const labels = Float32Array.from(truth, (p) => (rng() < p ? 1 : 0));
  // Overconfident scores: log-odds doubled, so Platt scaling has something to undo.
  const scores = Float32Array.from(truth, (p) => 1 / (1 + Math.exp(-2 * Math.log(p / (1 - p)))));
  return { truth, labels, scores };
}

describe('calibration', () => {
  it('Platt scaling undoes overconfident scores and lowers the calibration error', () => {
    const { labels, scores } = week(20000, 1, 1);
    const platt = fitPlatt(scores, labels);
    expect(platt.a).toBeGreaterThan(0.35);
    expect(platt.a).toBeLessThan(0.65);
    const before = expectedCalibrationError(scores, labels);
    const after = expectedCalibrationError(calibrate(scores, platt), labels);
    expect(after).toBeLessThan(before / 2);
    expect(after).toBeLessThan(0.02);
  });

  it('keeps the ranking (a monotone map)', () => {
    const calibrated = calibrate([0.1, 0.5, 0.3, 0.9], { a: 0.7, b: -0.4 });
    expect([...calibrated].map((_, i) => i).sort((x, y) => calibrated[y]! - calibrated[x]!)).toEqual([
      3, 1, 2, 0,
    ]);
  });
});

describe('expected-F1 decision rule', () => {
  it('predicts fewer pairs on a quiet week than on a busy one with the same model', () => {
    const busy = week(20000, 1, 2);
    const quiet = week(20000, 0.4, 3);
    const calibration = fitPlatt(busy.scores, busy.labels);
    const rule = { kind: 'expected-f1' as const, calibration, missedShare: 0 };
    const count = (w: ReturnType<typeof week>) => {
      const t = weekThreshold(rule, w.scores);
      return w.scores.filter((s) => s >= t).length;
    };
    expect(count(quiet)).toBeLessThan(count(busy) * 0.8);
  });

  it('on a quiet week beats the threshold fixed on a busy week', () => {
    const busy = week(20000, 1, 4);
    const quiet = week(20000, 0.4, 5);
    let bestBusy = { t: 0, f1: 0 };
    for (let t = 0.05; t < 1; t += 0.01) {
      const f1 = f1FromConfusion(confusionAt(busy.scores, busy.labels, t)).f1;
      if (f1 > bestBusy.f1) bestBusy = { t, f1 };
    }
    const rule = {
      kind: 'expected-f1' as const,
      calibration: fitPlatt(busy.scores, busy.labels),
      missedShare: 0,
    };
    const adaptive = f1FromConfusion(
      confusionAt(quiet.scores, quiet.labels, weekThreshold(rule, quiet.scores)),
    ).f1;
    const fixed = f1FromConfusion(confusionAt(quiet.scores, quiet.labels, bestBusy.t)).f1;
    expect(adaptive).toBeGreaterThan(fixed);
  });

  it('counts the purchases the candidates miss: a larger missed share predicts more pairs', () => {
    const w = week(5000, 1, 6);
    const calibration = fitPlatt(w.scores, w.labels);
    const n = (missedShare: number) => {
      const t = weekThreshold({ kind: 'expected-f1', calibration, missedShare }, w.scores);
      return w.scores.filter((s) => s >= t).length;
    };
    expect(n(0.3)).toBeGreaterThanOrEqual(n(0));
    expect(weekThreshold({ kind: 'threshold', threshold: 0.42 }, w.scores)).toBe(0.42);
  });
});
