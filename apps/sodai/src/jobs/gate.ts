import { weekThreshold } from '../model/decision-rule.ts';
import type { TrackingClient } from '@sodai/tracking';
import { scoreMatrix } from '../features/xgb-matrix.ts';
import { decideGate, type GateDecision } from '../model/champion-gate.ts';
import { evaluateScores } from '../model/evaluation.ts';
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
  challenger: Pick<TrainOutcome, 'runId' | 'version' | 'model' | 'bestBaseline' | 'plan'>,
  champion: LoadedPurchaseModel | undefined,
): Promise<GateDecision> {
  const testCutoff = challenger.plan.testCutoff;
  let championF1: number | undefined;
  if (champion?.compatible) {
    await week.datasets.ensure([testCutoff]);
    const test = await week.datasets.matrix([testCutoff]);
    const missed = await week.datasets.missed([testCutoff]);
    const scores = scoreMatrix(champion.booster, test);
    championF1 = evaluateScores('champion', scores, weekThreshold(champion.rule, scores), test, missed, true)
      .f1.f1;
  }
  const decision = decideGate({
    testCutoff,
    margin: week.settings.gateMarginF1,
    challengerF1: challenger.model.f1.f1,
    bestBaseline: challenger.bestBaseline.name,
    bestBaselineF1: challenger.bestBaseline.testF1,
    ...(champion ? { champion: { version: champion.version.version, f1: championF1 } } : {}),
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
