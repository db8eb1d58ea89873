/** Metric values of one evaluation, by data set name then metric name. */
export type EvalResult = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Parses XGBoost's evaluation line (`[3]\ttrain-logloss:0.41\tvalid-auc:0.93`). Data set names
 * are matched against the known names because both they and metric names may contain `-`.
 *
 * @example
 * ```ts
 * import { parseEvalLine } from '@sodai/xgboost';
 * parseEvalLine('[0]\ttrain-logloss:0.5\tvalid-logloss:0.6', ['train', 'valid']);
 * // { train: { logloss: 0.5 }, valid: { logloss: 0.6 } }
 * ```
 */
export function parseEvalLine(line: string, names: readonly string[]): EvalResult {
  const result: Record<string, Record<string, number>> = {};
  const byLength = [...names].sort((a, b) => b.length - a.length);
  for (const token of line.split('\t').slice(1)) {
    const colon = token.lastIndexOf(':');
    if (colon < 0) continue;
    const key = token.slice(0, colon);
    const value = Number(token.slice(colon + 1));
    const name = byLength.find((n) => key.startsWith(`${n}-`));
    if (name === undefined) continue;
    (result[name] ??= {})[key.slice(name.length + 1)] = value;
  }
  for (const metrics of Object.values(result)) Object.freeze(metrics);
  return Object.freeze(result);
}
