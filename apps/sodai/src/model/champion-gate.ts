import type { GateVerdict } from '../contract/model-decisions.ts';

/** The gate's inputs: F1 on one test week for the challenger, the best baseline and the champion. */
export interface GateInputs {
  readonly testCutoff: string;
  readonly margin: number;
  readonly challengerF1: number;
  readonly bestBaseline: string;
  readonly bestBaselineF1: number;
  /** Absent when there is no champion, or it cannot score today's features. */
  readonly champion?: {
    readonly version: number;
    readonly f1: number | undefined;
    /** The champion's NDCG@5 on the same week (the ranking the recommendations show). */
    readonly ndcgAt5?: number | undefined;
  };
  /** The challenger's NDCG@5 and how much lower than the champion's it may be. */
  readonly ndcg?: { readonly challengerAt5: number; readonly tolerance: number };
  /** Every metric of every scorer and the bootstrap interval, stored with the decision as they are. */
  readonly comparison?: GateComparison;
}

/** What the gate looked at, kept whole with its decision. */
export interface GateComparison {
  readonly scorers: readonly {
    readonly name: string;
    readonly role: 'challenger' | 'champion' | 'rule';
    readonly metrics: Readonly<Record<string, number>>;
  }[];
  /** F1(challenger) − F1(best rule), customers resampled. */
  readonly bootstrap?: { readonly difference: number; readonly low: number; readonly high: number };
}

export interface GateDecision {
  readonly passed: boolean;
  /** The verdict in English, for logs and the alias move's reason. */
  readonly reason: string;
  /** What decided, with its figures: readers word it from here, never from `reason`. */
  readonly verdict: GateVerdict;
  readonly testCutoff: string;
  readonly margin: number;
  readonly challengerF1: number;
  readonly bestBaseline: string;
  readonly bestBaselineF1: number;
  readonly championVersion?: number;
  readonly championF1?: number;
  readonly challengerNdcgAt5?: number;
  readonly championNdcgAt5?: number;
  readonly ndcgTolerance?: number;
  readonly comparison?: GateComparison;
}

/**
 * A challenger passes only when, on the same week, it beats the best baseline by the margin and,
 * if a comparable champion exists, the champion too, and its NDCG@5 is not lower than the
 * champion's by more than the tolerance (a better F1 must not come with worse recommendations).
 * The reason is stored with the alias move.
 */
export function decideGate(g: GateInputs): GateDecision {
  const championF1 = g.champion?.f1;
  const championNdcg = championF1 === undefined ? undefined : g.champion?.ndcgAt5;
  const verdict = gateVerdict(g);
  const passed = verdict.kind === 'beats_rule_no_champion' || verdict.kind === 'beats_champion_and_rule';
  return {
    passed,
    reason: gateReasonText(verdict),
    verdict,
    testCutoff: g.testCutoff,
    margin: g.margin,
    challengerF1: g.challengerF1,
    bestBaseline: g.bestBaseline,
    bestBaselineF1: g.bestBaselineF1,
    ...(g.champion ? { championVersion: g.champion.version } : {}),
    ...(championF1 !== undefined ? { championF1 } : {}),
    ...(g.ndcg ? { challengerNdcgAt5: g.ndcg.challengerAt5, ndcgTolerance: g.ndcg.tolerance } : {}),
    ...(championNdcg !== undefined ? { championNdcgAt5: championNdcg } : {}),
    ...(g.comparison ? { comparison: g.comparison } : {}),
  };
}

/** The first test the challenger fails, or what it beat when it fails none. */
function gateVerdict(g: GateInputs): GateVerdict {
  const { challengerF1, margin } = g;
  const rule = { rule: g.bestBaseline, ruleF1: g.bestBaselineF1 };
  if (challengerF1 < g.bestBaselineF1 + margin) return { kind: 'below_rule', challengerF1, ...rule, margin };
  const championF1 = g.champion?.f1;
  // A champion that cannot score today's features has no F1 here: it is not compared.
  if (g.champion === undefined || championF1 === undefined)
    return { kind: 'beats_rule_no_champion', challengerF1, ...rule };
  const championVersion = g.champion.version;
  if (challengerF1 < championF1 + margin)
    return { kind: 'below_champion', challengerF1, championVersion, championF1, margin };
  const championNdcgAt5 = g.champion.ndcgAt5;
  if (g.ndcg && championNdcgAt5 !== undefined && g.ndcg.challengerAt5 < championNdcgAt5 - g.ndcg.tolerance)
    return {
      kind: 'worse_ranking',
      challengerNdcgAt5: g.ndcg.challengerAt5,
      championVersion,
      championNdcgAt5,
      tolerance: g.ndcg.tolerance,
    };
  return { kind: 'beats_champion_and_rule', challengerF1, championVersion, championF1, ...rule };
}

/** The verdict as the English sentence the logs have always shown. */
export function gateReasonText(v: GateVerdict): string {
  const f = (x: number) => x.toFixed(4);
  switch (v.kind) {
    case 'below_rule':
      return `F1 ${f(v.challengerF1)} does not beat ${v.rule} (${f(v.ruleF1)}) by ${v.margin}`;
    case 'below_champion':
      return `F1 ${f(v.challengerF1)} does not beat champion v${v.championVersion} (${f(v.championF1)}) by ${v.margin}`;
    case 'worse_ranking':
      return `NDCG@5 ${f(v.challengerNdcgAt5)} is below champion v${v.championVersion} (${f(v.championNdcgAt5)}) by more than ${v.tolerance}`;
    case 'beats_rule_no_champion':
      return `F1 ${f(v.challengerF1)} beats ${v.rule} (${f(v.ruleF1)}); no comparable champion`;
    case 'beats_champion_and_rule':
      return `F1 ${f(v.challengerF1)} beats champion v${v.championVersion} (${f(v.championF1)}) and ${v.rule} (${f(v.ruleF1)})`;
  }
}

/**
 * The rule a challenger must beat: the best on the test week itself. Validation chooses which rule
 * would predict, but a rule that scored higher than the challenger on the test week must never let
 * it be called "passed".
 */
export function ruleToBeat(
  chosen: { readonly name: string; readonly testF1: number },
  rules: readonly { readonly name: string; readonly testF1: number }[],
): { name: string; testF1: number } {
  return rules.reduce<{ name: string; testF1: number }>(
    (best, r) => (r.testF1 > best.testF1 ? { name: r.name, testF1: r.testF1 } : best),
    { name: chosen.name, testF1: chosen.testF1 },
  );
}
