import { DriftError } from '../errors.ts';
import { toLabelRate, type LabelInput } from '../snapshot/labels.ts';
import type { LabelRate } from '../snapshot/reference-snapshot.ts';
import { psi } from '../stats/psi.ts';
import { twoProportionZTest } from '../stats/two-proportion.ts';

/** Options of {@link labelDrift}. */
export interface LabelDriftOptions {
  /** `z-test` (default): two-proportion z-test; `psi`: PSI over the two classes. */
  readonly method?: 'z-test' | 'psi';
  /** p-value below which the z-test alarms (default 0.05), or PSI above which PSI alarms (default 0.1). */
  readonly threshold?: number;
  /**
   * For the z-test, the relative change of the rate also needed to alarm (default 0.1, i.e. ±10 %): with a
   * million labelled rows a shift of 0.1 percentage point is significant but not news.
   */
  readonly minRelativeChange?: number;
}

/** How the positive rate moved. */
export interface LabelDriftResult {
  readonly method: 'z-test' | 'psi';
  readonly reference: LabelRate;
  readonly current: LabelRate;
  readonly referenceRate: number;
  readonly currentRate: number;
  /** z for the z-test, PSI for PSI. */
  readonly statistic: number;
  readonly pValue?: number;
  readonly threshold: number;
  readonly drifted: boolean;
}

/**
 * Label drift: did the positive rate (e.g. the purchase rate) change? PSI over two classes is insensitive for
 * rare positives (a rate doubling from 5 % to 10 % gives PSI ≈ 0.04), so the default is the z-test with a
 * minimum relative change.
 *
 * @example
 * const r = labelDrift({ positives: 500, total: 10_000 }, { positives: 800, total: 10_000 });
 * r.drifted; // true: 5 % → 8 %
 */
export function labelDrift(
  reference: LabelInput,
  current: LabelInput,
  options: LabelDriftOptions = {},
): LabelDriftResult {
  const ref = toLabelRate(reference);
  const cur = toLabelRate(current);
  const method = options.method ?? 'z-test';
  if (method !== 'z-test' && method !== 'psi')
    throw new DriftError('INVALID_ARGUMENT', `unknown label method ${String(method)}`);
  const referenceRate = ref.total > 0 ? ref.positives / ref.total : 0;
  const currentRate = cur.total > 0 ? cur.positives / cur.total : 0;
  const base = { method, reference: ref, current: cur, referenceRate, currentRate };
  if (method === 'psi') {
    const threshold = options.threshold ?? 0.1;
    const statistic = psi(
      [ref.total - ref.positives, ref.positives],
      [cur.total - cur.positives, cur.positives],
    );
    return Object.freeze({ ...base, statistic, threshold, drifted: statistic > threshold });
  }
  const threshold = options.threshold ?? 0.05;
  const minRelativeChange = options.minRelativeChange ?? 0.1;
  const { z, pValue } = twoProportionZTest(ref.positives, ref.total, cur.positives, cur.total);
  const relative =
    referenceRate > 0
      ? Math.abs(currentRate - referenceRate) / referenceRate
      : currentRate > 0
        ? Infinity
        : 0;
  const drifted = ref.total > 0 && cur.total > 0 && pValue < threshold && relative >= minRelativeChange;
  return Object.freeze({ ...base, statistic: z, pValue, threshold, drifted });
}
