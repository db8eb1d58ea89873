import type { DuckDBConnection } from '@duckdb/node-api';
import { formatTable, type TrackingClient } from '@sodai/tracking';
import { SodaiError } from '../errors.ts';
import { fitBaselines } from '../model/baselines.ts';
import { CHAMPION, loadAliasedModel } from '../model/registry.ts';
import { evaluateScores } from '../model/evaluation.ts';
import { latestPurchaseDate, prepareWeeks, type ModelSettings } from './train.ts';
import { planCutoffs } from '../features/cutoff-plan.ts';
import { toDMatrix } from '../model/xgb-search.ts';

/** The champion on the latest complete week, beside every baseline fitted on the weeks before. */
export async function evaluateChampion(
  connection: DuckDBConnection,
  tracking: TrackingClient,
  settings: ModelSettings,
): Promise<string> {
  const champion = await loadAliasedModel(tracking, CHAMPION);
  if (!champion) throw new SodaiError('INVALID_ARGUMENT', 'no champion model yet: run `sodai train` first');
  try {
    const plan = planCutoffs(await latestPurchaseDate(connection), settings);
    const { valid, test, missedValid, missedTest } = await prepareWeeks(connection, settings, plan, false);
    const d = toDMatrix(test);
    const scores = champion.booster.predict(d, { iterationRange: 'best' }).values as Float32Array;
    d.dispose();
    const rows = [
      evaluateScores(
        `champion v${champion.version.version}`,
        scores,
        champion.threshold,
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
    const f = (v: number) => v.toFixed(4);
    return [
      `week from ${plan.testCutoff}`,
      formatTable(
        ['scorer', 'F1', 'precision', 'recall', 'PR-AUC', 'P@5', 'R@5', 'NDCG@10', 'F1 repeat', 'F1 new'],
        rows.map((e) => [
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
  } finally {
    champion.booster.dispose();
  }
}
