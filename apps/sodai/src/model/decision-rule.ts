import { calibrate, type PlattCalibration } from './calibration.ts';

/**
 * How a week's scores become "will buy" decisions.
 * - `threshold`: score ≥ a fixed cut chosen on validation weeks.
 * - `expected-f1`: per week, the count k that maximises the expected F1 under the calibrated
 *   probabilities, so a quiet week gets fewer predicted purchases than a peak week. `missedShare`
 *   is the share of purchases the candidates miss (measured on validation), which the expected
 *   number of purchases must include.
 */
export type DecisionRule =
  | { readonly kind: 'threshold'; readonly threshold: number }
  | {
      readonly kind: 'expected-f1';
      readonly calibration: PlattCalibration;
      readonly missedShare: number;
    };

/**
 * The raw-score cut for one week's scores: predict every row with a score ≥ it. For `expected-f1`
 * this is the score of the k-th ranked row where E[F1](k) ≈ 2·Σ_{i≤k} pᵢ / (k + Σ pᵢ / (1 − missed)).
 */
export function weekThreshold(rule: DecisionRule, scores: ArrayLike<number>): number {
  if (rule.kind === 'threshold') return rule.threshold;
  if (scores.length === 0) return Number.POSITIVE_INFINITY;
  const probabilities = calibrate(scores, rule.calibration);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (x, y) => probabilities[y]! - probabilities[x]!,
  );
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) total += probabilities[i]!;
  const expectedPositives = total / Math.max(1e-6, 1 - rule.missedShare);
  let hits = 0;
  let best = { k: 0, f1: 0 };
  for (let k = 0; k < order.length; k++) {
    hits += probabilities[order[k]!]!;
    const f1 = (2 * hits) / (k + 1 + expectedPositives);
    if (f1 > best.f1) best = { k: k + 1, f1 };
  }
  return best.k === 0 ? Number.POSITIVE_INFINITY : scores[order[best.k - 1]!]!;
}
