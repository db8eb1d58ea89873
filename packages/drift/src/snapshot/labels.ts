import { DriftError } from '../errors.ts';
import type { LabelRate } from './reference-snapshot.ts';

/** Labels as 0/1 values (NaN = not yet known) or as counts. */
export type LabelInput = ArrayLike<number> | LabelRate;

/**
 * Counts positives among known labels. Throws `INVALID_ARGUMENT` for a label other than 0, 1 or NaN, because
 * a silently thresholded score passed by mistake would make the rate meaningless.
 *
 * @example
 * toLabelRate(new Float64Array([1, 0, 0, NaN])); // { positives: 1, total: 3 }
 */
export function toLabelRate(labels: LabelInput): LabelRate {
  if ('positives' in labels && 'total' in labels) {
    const { positives, total } = labels as LabelRate;
    if (!(Number.isInteger(positives) && Number.isInteger(total) && positives >= 0 && positives <= total)) {
      throw new DriftError('INVALID_ARGUMENT', `label rate needs integers 0 <= positives <= total`);
    }
    return { positives, total };
  }
  const values = labels as ArrayLike<number>;
  let positives = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v !== 0 && v !== 1)
      throw new DriftError('INVALID_ARGUMENT', `label at row ${i} is ${v}, expected 0, 1 or NaN`);
    total++;
    positives += v;
  }
  return { positives, total };
}
