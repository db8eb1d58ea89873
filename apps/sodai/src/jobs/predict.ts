import type { DuckDBConnection } from '@duckdb/node-api';
import { PREDICTION_TABLE } from '../features/prediction-dataset.ts';
import { scoreMatrix } from '../features/xgb-matrix.ts';
import { baselineSpec, bestBaseline, fitBaselines, type FittedBaseline } from '../model/baselines.ts';
import { fitRuleRates, type StoredRule } from '../model/rule-rates.ts';
import type { LoadedPurchaseModel } from '../model/registry.ts';
import { queryNumber, queryRows, sqlString } from '../store/duckdb.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { weekThreshold } from '../model/decision-rule.ts';
import { estimatePerformance } from '../model/estimated-performance.ts';
import { newTableFileKey, writeQueryToStore } from '../store/parquet-table.ts';
import type { RawStore } from '../store/raw-store.ts';
import { SodaiError } from '../errors.ts';
import type { WeekContext } from './week-context.ts';

export interface PredictionOutcome {
  readonly cutoff: string;
  /** 0 when no model has passed the gate and the fallback rule predicted. */
  readonly modelVersion: number;
  /** What scored the pairs: `xgboost v3`, or the fallback baseline's name. */
  readonly scorer: string;
  readonly scored: number;
  readonly predicted: number;
  readonly csv?: string;
}

/** What scores the week: the champion, or while no model has passed the gate, the best rule. */
export type WeekScorer =
  | { readonly kind: 'model'; readonly model: LoadedPurchaseModel }
  | { readonly kind: 'rule'; readonly rule: FittedBaseline };

/**
 * The rule that predicts while no model has passed the gate: every baseline fitted on the plan's
 * validation weeks, the best kept.
 */
export async function fallbackRule(week: WeekContext): Promise<FittedBaseline> {
  const { validationCutoffs } = week.plan;
  await week.datasets.ensure(validationCutoffs);
  const valid = await week.datasets.matrix(validationCutoffs);
  if (valid.rows === 0)
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `not enough history to fit a rule before ${week.plan.predictCutoff}`,
    );
  const missed = await week.datasets.missed(validationCutoffs);
  return bestBaseline(fitBaselines(valid, missed.total));
}

async function storedRule(week: WeekContext, rule: FittedBaseline): Promise<StoredRule> {
  const { validationCutoffs } = week.plan;
  await week.datasets.ensure(validationCutoffs);
  const valid = await week.datasets.matrix(validationCutoffs);
  return { ...baselineSpec(rule), rates: fitRuleRates(rule.score(valid), valid.labels, rule.threshold) };
}

/**
 * The distributor's file: header-less `customer_id,product_id` lines of predicted purchases,
 * highest score first. Returns the number of lines.
 */
export async function exportPredictionsCsv(
  connection: DuckDBConnection,
  cutoff: string,
  modelVersion: number,
  csvPath: string,
): Promise<number> {
  const lines = await queryRows(
    connection,
    `SELECT customer_id, product_id FROM predictions
     WHERE cutoff = DATE ${sqlString(cutoff)} AND model_version = ${modelVersion} AND predicted
     ORDER BY score DESC, customer_id, product_id`,
  );
  writeFileAtomic(csvPath, lines.map((r) => `${r.customer_id},${r.product_id}\n`).join(''));
  return lines.length;
}

/**
 * Scores every candidate pair of the plan's prediction week, stores the scores (with each pair's
 * rank within its customer) for the scorer's version, and publishes the week's feature rows as the
 * table serving reads. Optionally writes the distributor's file.
 */
export async function predictWeek(
  week: WeekContext,
  scorer: WeekScorer,
  options: { csvPath?: string; now?: Date } = {},
): Promise<PredictionOutcome> {
  const { connection, plan, store } = week;
  if (!store) throw new SodaiError('INVALID_ARGUMENT', 'predictWeek needs the store its week reads');
  if (scorer.kind === 'model' && !scorer.model.compatible) {
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `champion v${scorer.model.version.version} was trained on another feature contract: retrain`,
    );
  }
  const cutoff = plan.predictCutoff;
  await week.datasets.ensure([cutoff]);
  const matrix = await week.datasets.matrix([cutoff]);
  const scores =
    scorer.kind === 'model' ? scoreMatrix(scorer.model.booster, matrix) : scorer.rule.score(matrix);
  // A model's rule may adapt the cut to this week's expected volume.
  const threshold =
    scorer.kind === 'model' ? weekThreshold(scorer.model.rule, scores) : scorer.rule.threshold;
  const version = scorer.kind === 'model' ? scorer.model.version.version : 0;
  // Serving shows a rule's scores as what such pairs really did on its validation weeks.
  const rule = scorer.kind === 'rule' ? await storedRule(week, scorer.rule) : undefined;

  await connection.run(
    'CREATE OR REPLACE TEMP TABLE new_scores (customer_id BIGINT, product_id BIGINT, score DOUBLE)',
  );
  const appender = await connection.createAppender('new_scores');
  for (let i = 0; i < matrix.rows; i++) {
    appender.appendBigInt(BigInt(matrix.customerIds[i]!));
    appender.appendBigInt(BigInt(matrix.productIds[i]!));
    appender.appendDouble(scores[i]!);
    appender.endRow();
  }
  appender.closeSync();
  const createdAt = (options.now ?? new Date()).toISOString().replace('T', ' ').replace('Z', '');
  await commitPredictions(store, week, {
    cutoff,
    version,
    ...(rule ? { rule } : {}),
    query: `SELECT DATE ${sqlString(cutoff)} AS cutoff, customer_id, product_id, score,
              (row_number() OVER (PARTITION BY customer_id ORDER BY score DESC, product_id))::INTEGER AS rank_in_customer,
              score >= ${threshold} AS predicted, ${version}::INTEGER AS model_version,
              TIMESTAMP ${sqlString(createdAt)} AS created_at
       FROM new_scores ORDER BY customer_id, product_id`,
  });
  await connection.run('DROP TABLE new_scores');
  const where = `cutoff = DATE ${sqlString(cutoff)} AND model_version = ${version}`;
  const predicted = await queryNumber(
    connection,
    `SELECT count(*) FROM predictions WHERE ${where} AND predicted`,
  );
  if (scorer.kind === 'model') await storeEstimate(week, store, cutoff, version, scores, threshold);
  if (options.csvPath) await exportPredictionsCsv(connection, cutoff, version, options.csvPath);
  return {
    cutoff,
    modelVersion: version,
    scorer: scorer.kind === 'model' ? `xgboost v${version}` : `baseline ${scorer.rule.name}`,
    scored: matrix.rows,
    predicted,
    ...(options.csvPath ? { csv: options.csvPath } : {}),
  };
}

/**
 * Stores what the model expects of the week (F1, precision, recall from its calibrated
 * probabilities), to set beside the realized values once the week's purchases arrive. The
 * purchases no candidate will cover are taken as many as in the latest labelled week.
 */
async function storeEstimate(
  week: WeekContext,
  store: RawStore,
  cutoff: string,
  version: number,
  scores: Float32Array,
  threshold: number,
): Promise<void> {
  const { testCutoff } = week.plan;
  await week.datasets.ensure([testCutoff]);
  const latest = (await week.datasets.summary([testCutoff])).coverage[0];
  const estimate = estimatePerformance(scores, threshold, latest ? latest.purchased - latest.covered : 0);
  await store.shared.catalog.monitor.replaceEstimated(
    cutoff,
    version,
    Object.entries(estimate).map(([metric, value]) => ({ week: cutoff, version, metric, value })),
  );
}

/**
 * Writes the week's scores as a new file of table `predictions` (replacing the files an earlier run
 * of the same cut-off and version wrote) and the week's feature rows as table `prediction_dataset`
 * (what serving reads), and commits both at once.
 */
async function commitPredictions(
  store: RawStore,
  week: WeekContext,
  scores: { cutoff: string; version: number; query: string; rule?: StoredRule },
): Promise<void> {
  const prefix = `tables/predictions/${scores.cutoff}/v${scores.version}/`;
  const stamp = () => newTableFileKey('x').slice('tables/x/'.length);
  await store.commitWithRetry(async () => {
    const previous = store.read.predictions;
    const predictions = await writeQueryToStore(
      store.connection,
      scores.query,
      store.shared.objects,
      `${prefix}${stamp()}`,
    );
    const features = await writeQueryToStore(
      store.connection,
      week.datasets.rowsQuery(scores.cutoff),
      store.shared.objects,
      newTableFileKey(PREDICTION_TABLE),
    );
    return {
      operation: 'predict',
      summary: {
        cutoff: scores.cutoff,
        modelVersion: scores.version,
        features: features.key,
        ...(scores.rule ? { rule: scores.rule } : {}),
      },
      tables: [
        {
          table: 'predictions',
          mode: 'append',
          parent: previous?.id ?? null,
          add: [predictions],
          remove: (previous?.files ?? []).filter((f) => f.key.startsWith(prefix)).map((f) => f.key),
        },
        {
          table: PREDICTION_TABLE,
          mode: 'replace',
          parent: store.read[PREDICTION_TABLE]?.id ?? null,
          add: [features],
        },
      ],
    };
  });
}

/**
 * `sodai predict` in one call: the champion scores the next week, or, while no model has passed the
 * gate, the best rule does (and the outcome says which).
 */
export async function predictWithChampion(
  week: WeekContext,
  champion: LoadedPurchaseModel | undefined,
  options: { csvPath?: string; now?: Date } = {},
): Promise<PredictionOutcome> {
  if (champion) return predictWeek(week, { kind: 'model', model: champion }, options);
  const rule = await fallbackRule(week);
  week.log(`no champion yet: predicting with the rule "${rule.description}"`);
  return predictWeek(week, { kind: 'rule', rule }, options);
}
