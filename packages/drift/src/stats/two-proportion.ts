import { chiSquareSurvival } from './chi-square.ts';

/** The outcome of a two-proportion z-test. */
export interface TwoProportionResult {
  readonly z: number;
  readonly pValue: number;
}

/**
 * The two-sided two-proportion z-test with a pooled variance: are `x1/n1` and `x2/n2` the same rate?
 * The p-value uses Z² ~ χ²(1), so no separate normal CDF is needed.
 *
 * @example
 * twoProportionZTest(30, 100, 45, 100).pValue; // ≈ 0.0285
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionResult {
  if (!(n1 > 0) || !(n2 > 0)) return { z: 0, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { z: 0, pValue: 1 };
  const z = (x2 / n2 - x1 / n1) / Math.sqrt(variance);
  return { z, pValue: chiSquareSurvival(z * z, 1) };
}
