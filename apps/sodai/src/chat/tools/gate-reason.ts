import type { GateVerdict } from '../../contract/model-decisions.ts';

/**
 * The gate's English log line read back into its verdict. Only for runs recorded before the gate
 * kept its verdict as its task output: those stores live on on users' machines and their runs
 * still get asked about. A new run is never read through here, so these patterns follow the
 * wording of those old lines and need not follow the gate's.
 */
const FORMS: readonly (readonly [RegExp, (m: RegExpMatchArray) => GateVerdict])[] = [
  [
    /^F1 ([\d.]+) does not beat champion v(\d+) \(([\d.]+)\) by ([\d.]+)$/,
    (m) => ({
      kind: 'below_champion',
      challengerF1: Number(m[1]),
      championVersion: Number(m[2]),
      championF1: Number(m[3]),
      margin: Number(m[4]),
    }),
  ],
  [
    /^F1 ([\d.]+) does not beat (\S+) \(([\d.]+)\) by ([\d.]+)$/,
    (m) => ({
      kind: 'below_rule',
      challengerF1: Number(m[1]),
      rule: m[2]!,
      ruleF1: Number(m[3]),
      margin: Number(m[4]),
    }),
  ],
  [
    /^NDCG@5 ([\d.]+) is below champion v(\d+) \(([\d.]+)\) by more than ([\d.]+)$/,
    (m) => ({
      kind: 'worse_ranking',
      challengerNdcgAt5: Number(m[1]),
      championVersion: Number(m[2]),
      championNdcgAt5: Number(m[3]),
      tolerance: Number(m[4]),
    }),
  ],
  [
    /^F1 ([\d.]+) beats (\S+) \(([\d.]+)\); no comparable champion$/,
    (m) => ({
      kind: 'beats_rule_no_champion',
      challengerF1: Number(m[1]),
      rule: m[2]!,
      ruleF1: Number(m[3]),
    }),
  ],
  [
    /^F1 ([\d.]+) beats champion v(\d+) \(([\d.]+)\) and (\S+) \(([\d.]+)\)$/,
    (m) => ({
      kind: 'beats_champion_and_rule',
      challengerF1: Number(m[1]),
      championVersion: Number(m[2]),
      championF1: Number(m[3]),
      rule: m[4]!,
      ruleF1: Number(m[5]),
    }),
  ],
];

/**
 * The verdict an old gate log line states; undefined for a line in none of its forms (the caller
 * quotes it as logged).
 *
 * @example
 * legacyGateVerdict('F1 0.6223 beats recent_frequency (0.5966); no comparable champion');
 * // { kind: 'beats_rule_no_champion', challengerF1: 0.6223, rule: 'recent_frequency', ruleF1: 0.5966 }
 */
export function legacyGateVerdict(line: string): GateVerdict | undefined {
  for (const [pattern, verdict] of FORMS) {
    const m = line.trim().match(pattern);
    if (m) return verdict(m);
  }
  return undefined;
}
