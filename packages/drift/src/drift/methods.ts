import type { ColumnKind } from '../columns.ts';
import { DriftError } from '../errors.ts';

/**
 * The statistics a column can be compared with. `ks` and `chi-square` are tests (drift when the p-value is
 * below the threshold); the others are distances (drift when the statistic is above it).
 */
export type DriftMethod = 'ks' | 'wasserstein' | 'psi' | 'jensen-shannon' | 'chi-square';

/**
 * Default thresholds, Evidently's: p < 0.05 for the tests, normed Wasserstein and Jensen–Shannon distance
 * > 0.1, PSI > 0.1 (0.1–0.25 is usually read as a moderate shift, > 0.25 as a major one; pass 0.25 to alarm
 * only on the latter).
 *
 * @example
 * DEFAULT_THRESHOLDS.wasserstein; // 0.1
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<DriftMethod, number>> = Object.freeze({
  ks: 0.05,
  'chi-square': 0.05,
  wasserstein: 0.1,
  'jensen-shannon': 0.1,
  psi: 0.1,
});

/**
 * Reference sizes up to this use a test (KS, chi-square); larger ones a distance, because with thousands of
 * rows a test flags differences too small to matter.
 */
export const DEFAULT_SMALL_SAMPLE_MAX = 1000;

/** Categories absent from a complete reference list that a comparison shows by name; the rest go to `other`. */
export const DEFAULT_MAX_NEW_CATEGORIES = 20;

/**
 * True for the methods whose threshold is a p-value.
 *
 * @example
 * isTestMethod('ks'); // true
 * isTestMethod('psi'); // false
 */
export function isTestMethod(method: DriftMethod): method is 'ks' | 'chi-square' {
  return method === 'ks' || method === 'chi-square';
}

/**
 * The method chosen by column kind and reference size (non-missing values), as Evidently does.
 *
 * @example
 * defaultMethod('numeric', 20_000, DEFAULT_SMALL_SAMPLE_MAX); // 'wasserstein'
 * defaultMethod('categorical', 500, DEFAULT_SMALL_SAMPLE_MAX); // 'chi-square'
 */
export function defaultMethod(kind: ColumnKind, referenceCount: number, smallSampleMax: number): DriftMethod {
  const small = referenceCount <= smallSampleMax;
  if (kind === 'numeric') return small ? 'ks' : 'wasserstein';
  return small ? 'chi-square' : 'jensen-shannon';
}

/** Throws `INVALID_ARGUMENT` when a method does not apply to a column kind. */
export function assertMethodFits(method: DriftMethod, kind: ColumnKind, column: string): void {
  const fits =
    method === 'psi' ||
    (kind === 'numeric'
      ? method === 'ks' || method === 'wasserstein'
      : method === 'jensen-shannon' || method === 'chi-square');
  if (!fits)
    throw new DriftError('INVALID_ARGUMENT', `method ${method} does not apply to ${kind} column "${column}"`);
}

/** Whether a statistic (or its p-value) crosses the threshold. */
export function crosses(
  method: DriftMethod,
  statistic: number,
  pValue: number | undefined,
  threshold: number,
): boolean {
  if (isTestMethod(method)) return pValue !== undefined && pValue < threshold;
  return statistic > threshold;
}
