import type { Trial } from '../src/index.ts';

// Standard global-optimisation test functions, all minimised, on their usual domains.

/** Branin on x1 ∈ [-5, 10], x2 ∈ [0, 15]; minimum 0.397887 at three points. */
export function branin(trial: Trial): number {
  const x1 = trial.suggestFloat('x1', -5, 10);
  const x2 = trial.suggestFloat('x2', 0, 15);
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

const ALPHA = [1.0, 1.2, 3.0, 3.2];
const A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const P = [
  [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
  [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
  [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
  [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
];

/** Hartmann-6 on [0, 1]^6; minimum −3.32237. */
export function hartmann6(trial: Trial): number {
  const x = Array.from({ length: 6 }, (_, i) => trial.suggestFloat(`x${i}`, 0, 1));
  let total = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += A[i]![j]! * (x[j]! - P[i]![j]!) ** 2;
    total += ALPHA[i]! * Math.exp(-inner);
  }
  return -total;
}

/** Rosenbrock in 5 dimensions on [-5, 10]^5; minimum 0 at (1, …, 1). */
export function rosenbrock5(trial: Trial): number {
  const x = Array.from({ length: 5 }, (_, i) => trial.suggestFloat(`x${i}`, -5, 10));
  let s = 0;
  for (let i = 0; i < 4; i++) s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return s;
}
