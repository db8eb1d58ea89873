import { formatTable } from '@sodai/tracking';
import { fitBaselines } from '../model/baselines.ts';
import type { LoadedPurchaseModel } from '../model/registry.ts';
import { evaluateScores, type ScoredEvaluation } from '../model/evaluation.ts';
import { planMatrices } from './train.ts';
import type { WeekContext } from './week-context.ts';
import { scoreMatrix } from '../features/xgb-matrix.ts';
import { weekThreshold } from '../model/decision-rule.ts';

/** What `sodai evaluate` finds: the week scored and each scorer's figures, the champion first. */
export interface ChampionEvaluation {
  readonly week: string;
  readonly scorers: readonly ScoredEvaluation[];
}

/** The champion on the latest complete week, beside every baseline fitted on the weeks before. */
export async function evaluateChampion(
  week: WeekContext,
  champion: LoadedPurchaseModel,
): Promise<ChampionEvaluation> {
  const { plan } = week;
  const { valid, test, missedValid, missedTest } = await planMatrices(week, false);
  const scores = scoreMatrix(champion.booster, test);
  const rows = [
    evaluateScores(
      `champion v${champion.version.version}`,
      scores,
      weekThreshold(champion.rule, scores),
      test,
      missedTest,
      true,
    ),
  ];
  for (const b of fitBaselines(valid, missedValid.total)) {
    rows.push(
      evaluateScores(`${b.name}: ${b.description}`, b.score(test), b.threshold, test, missedTest, false),
    );
  }
  return { week: plan.testCutoff, scorers: rows };
}

/** The evaluation as a table for the terminal. */
export function formatEvaluation(evaluation: ChampionEvaluation): string {
  const f = (v: number) => v.toFixed(4);
  return [
    `week from ${evaluation.week}`,
    formatTable(
      ['scorer', 'F1', 'precision', 'recall', 'PR-AUC', 'P@5', 'R@5', 'NDCG@10', 'F1 repeat', 'F1 new'],
      evaluation.scorers.map((e) => [
        e.name,
        f(e.f1.f1),
        f(e.f1.precision),
        f(e.f1.recall),
        f(e.prAuc),
        f(e.at5.precision),
        f(e.at5.recall),
        f(e.at10.ndcg),
        f(e.repeat.f1),
        f(e.newPairs.f1),
      ]),
    ),
  ].join('\n');
}
