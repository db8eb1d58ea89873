/** The gate's inputs: F1 on one test week for the challenger, the best baseline and the champion. */
export interface GateInputs {
  readonly testCutoff: string;
  readonly margin: number;
  readonly challengerF1: number;
  readonly bestBaseline: string;
  readonly bestBaselineF1: number;
  /** Absent when there is no champion, or it cannot score today's features. */
  readonly champion?: { readonly version: number; readonly f1: number | undefined };
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
}

/**
 * A challenger passes only when, on the same week, it beats the best baseline by the margin and,
 * if a comparable champion exists, the champion too. The reason is stored with the alias move.
 */
export function decideGate(g: GateInputs): GateDecision {
  const f = (v: number) => v.toFixed(4);
  const championF1 = g.champion?.f1;
  const beatsBaseline = g.challengerF1 >= g.bestBaselineF1 + g.margin;
  const beatsChampion = championF1 === undefined || g.challengerF1 >= championF1 + g.margin;
  const reason = !beatsBaseline
    ? `F1 ${f(g.challengerF1)} does not beat ${g.bestBaseline} (${f(g.bestBaselineF1)}) by ${g.margin}`
    : !beatsChampion
      ? `F1 ${f(g.challengerF1)} does not beat champion v${g.champion!.version} (${f(championF1!)}) by ${g.margin}`
      : championF1 === undefined
        ? `F1 ${f(g.challengerF1)} beats ${g.bestBaseline} (${f(g.bestBaselineF1)}); no comparable champion`
        : `F1 ${f(g.challengerF1)} beats champion v${g.champion!.version} (${f(championF1)}) and ${g.bestBaseline} (${f(g.bestBaselineF1)})`;
  return {
    passed: beatsBaseline && beatsChampion,
    reason,
    testCutoff: g.testCutoff,
    margin: g.margin,
    challengerF1: g.challengerF1,
    bestBaseline: g.bestBaseline,
    bestBaselineF1: g.bestBaselineF1,
    ...(g.champion ? { championVersion: g.champion.version } : {}),
    ...(championF1 !== undefined ? { championF1 } : {}),
  };
}
