import type { RetrainVerdict } from '../../contract/model-decisions.ts';

/** The old branch's line in the log: "retrain: <why>" or "keep the champion: <why>". */
export const RETRAIN_LINE = /^(retrain|keep the champion): (.*)$/s;

/**
 * The retrain decision's English reason read back into its verdict. Only for runs recorded before
 * `should_retrain` kept its verdict as its task output: those stores live on on users' machines and
 * their runs still get asked about. A new run is never read through here, so these patterns follow
 * the wording of those old lines and need not follow the policy's.
 */
const FORMS: readonly (readonly [RegExp, (m: RegExpMatchArray) => RetrainVerdict])[] = [
  [/^forced by the run parameters/, () => ({ kind: 'forced' })],
  [/^training disabled by the run parameters/, () => ({ kind: 'disabled' })],
  [/^there is no champion yet/, () => ({ kind: 'no_champion' })],
  [/^the champion was trained on another feature contract/, () => ({ kind: 'incompatible_champion' })],
  [/^drift: (.*)$/s, (m) => ({ kind: 'drift', detail: m[1]! })],
  [
    /^the champion is ([\d.]+) weeks of data old \(limit (\d+)\)/,
    (m) => ({ kind: 'stale_champion', ageWeeks: Number(m[1]), maxAgeWeeks: Number(m[2]) }),
  ],
  [
    /^(no drift|drift \(model\.retrainOnDrift is off\)) and the champion is ([\d.]+) weeks of data old/,
    (m) => ({ kind: 'fresh_champion', ageWeeks: Number(m[2]), driftIgnored: m[1] !== 'no drift' }),
  ],
];

/**
 * The verdict an old retrain reason states; undefined for one in none of its forms (the caller
 * quotes it as logged).
 *
 * @example
 * legacyRetrainVerdict('there is no champion yet'); // { kind: 'no_champion' }
 */
export function legacyRetrainVerdict(reason: string): RetrainVerdict | undefined {
  for (const [pattern, verdict] of FORMS) {
    const m = reason.match(pattern);
    if (m) return verdict(m);
  }
  return undefined;
}
