import { weekThreshold } from '../model/decision-rule.ts';
import type { TrackingClient } from '@sodai/tracking';
import { scoreMatrix } from '../features/xgb-matrix.ts';
import { decideGate, ruleToBeat, type GateDecision } from '../model/champion-gate.ts';
import { evaluateScores, type ScoredEvaluation } from '../model/evaluation.ts';
import { CHAMPION, MODEL_NAME, type LoadedPurchaseModel } from '../model/registry.ts';
import { SodaiError } from '../errors.ts';
import type { TrainOutcome } from './train.ts';
import type { WeekContext } from './week-context.ts';

export type { GateDecision } from '../model/champion-gate.ts';

/** The gate's decision, kept with the challenger's training run. */
export const GATE_ARTIFACT = 'gate.json';

/**
 * Judges a trained challenger: on its own test week it must beat the best baseline and, when one
 * exists that can score today's features, the champion (scored here on the same rows). The decision
 * is recorded as a `gate` run nested under the challenger's training run, whatever it is.
 */
export async function gateChallenger(
  week: WeekContext,
  tracking: TrackingClient,
  challenger: Pick<TrainOutcome, 'runId' | 'version' | 'model' | 'bestBaseline' | 'plan'> &
    Partial<Pick<TrainOutcome, 'baselines' | 'bootstrap'>>,
  champion: LoadedPurchaseModel | undefined,
): Promise<GateDecision> {
  const testCutoff = challenger.plan.testCutoff;
  let championEval: ScoredEvaluation | undefined;
  if (champion?.compatible) {
    await week.datasets.ensure([testCutoff]);
    const test = await week.datasets.matrix([testCutoff]);
    const missed = await week.datasets.missed([testCutoff]);
    const scores = scoreMatrix(champion.booster, test);
    championEval = evaluateScores(
      `champion v${champion.version.version}`,
      scores,
      weekThreshold(champion.rule, scores),
      test,
      missed,
      true,
    );
  }
  const rules = challenger.baselines ?? [];
  const bestOnTest = ruleToBeat(
    challenger.bestBaseline,
    rules.map((r) => ({ name: r.name, testF1: r.f1.f1 })),
  );
  const decision = decideGate({
    testCutoff,
    margin: week.settings.gateMarginF1,
    challengerF1: challenger.model.f1.f1,
    bestBaseline: bestOnTest.name,
    bestBaselineF1: bestOnTest.testF1,
    ndcg: { challengerAt5: challenger.model.at5.ndcg, tolerance: week.settings.gateNdcgTolerance },
    ...(champion
      ? {
          champion: {
            version: champion.version.version,
            f1: championEval?.f1.f1,
            ndcgAt5: championEval?.at5.ndcg,
          },
        }
      : {}),
    comparison: {
      scorers: [
        {
          name: `challenger v${challenger.version}`,
          role: 'challenger',
          metrics: comparedMetrics(challenger.model),
        },
        ...(championEval
          ? [{ name: championEval.name, role: 'champion' as const, metrics: comparedMetrics(championEval) }]
          : []),
        ...rules.map((r) => ({ name: r.name, role: 'rule' as const, metrics: comparedMetrics(r) })),
      ],
      ...(challenger.bootstrap ? { bootstrap: { ...challenger.bootstrap } } : {}),
    },
  });
  await tracking.withRun(
    {
      experiment: MODEL_NAME,
      name: `gate v${challenger.version}`,
      parentRunId: challenger.runId,
      tags: { kind: 'gate', gate: decision.passed ? 'passed' : 'failed' },
      params: { challenger_version: challenger.version },
    },
    (run) => run.logJson(GATE_ARTIFACT, decision),
  );
  week.log(decision.reason);
  return decision;
}

/** The metrics the gate compares, by name, for the stored comparison. */
function comparedMetrics(e: ScoredEvaluation): Record<string, number> {
  return {
    f1: e.f1.f1,
    precision: e.f1.precision,
    recall: e.f1.recall,
    pr_auc: e.prAuc,
    p_at_5: e.at5.precision,
    r_at_5: e.at5.recall,
    ndcg_at_5: e.at5.ndcg,
    ndcg_at_10: e.at10.ndcg,
  };
}

/** Moves `champion` to a version whose gate passed, recording the gate with the move. */
export async function promoteChallenger(
  tracking: TrackingClient,
  version: number,
  gate: GateDecision,
  actor: string,
): Promise<void> {
  if (!gate.passed)
    throw new SodaiError('INVALID_ARGUMENT', `version ${version} did not pass the gate: ${gate.reason}`);
  await tracking.registry.setAlias(MODEL_NAME, CHAMPION, version, {
    actor,
    reason: gate.reason,
    gate: { ...gate },
  });
}
