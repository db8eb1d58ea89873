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
  readonly reason: string;
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
  const f = (v: number) => v.toFixed(4);
  const championF1 = g.champion?.f1;
  const beatsBaseline = g.challengerF1 >= g.bestBaselineF1 + g.margin;
  const beatsChampion = championF1 === undefined || g.challengerF1 >= championF1 + g.margin;
  const championNdcg = championF1 === undefined ? undefined : g.champion?.ndcgAt5;
  const keepsRanking =
    !g.ndcg || championNdcg === undefined || g.ndcg.challengerAt5 >= championNdcg - g.ndcg.tolerance;
  const reason = !beatsBaseline
    ? `F1 ${f(g.challengerF1)} does not beat ${g.bestBaseline} (${f(g.bestBaselineF1)}) by ${g.margin}`
    : !beatsChampion
      ? `F1 ${f(g.challengerF1)} does not beat champion v${g.champion!.version} (${f(championF1!)}) by ${g.margin}`
      : !keepsRanking
        ? `NDCG@5 ${f(g.ndcg!.challengerAt5)} is below champion v${g.champion!.version} (${f(championNdcg!)}) by more than ${g.ndcg!.tolerance}`
        : championF1 === undefined
          ? `F1 ${f(g.challengerF1)} beats ${g.bestBaseline} (${f(g.bestBaselineF1)}); no comparable champion`
          : `F1 ${f(g.challengerF1)} beats champion v${g.champion!.version} (${f(championF1)}) and ${g.bestBaseline} (${f(g.bestBaselineF1)})`;
  return {
    passed: beatsBaseline && beatsChampion && keepsRanking,
    reason,
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
