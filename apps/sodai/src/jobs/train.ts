import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TrackingClient } from '@sodai/tracking';
import { FEATURES } from '../contract/feature-vector.ts';
import type { SodaiConfig } from '../config/config-schema.ts';
import { queryRows } from '../store/duckdb.ts';
import { SodaiError } from '../errors.ts';
import { buildDataset, type DatasetSummary } from '../features/dataset-builder.ts';
import { readDatasetMatrix, type DatasetMatrix } from '../features/dataset-matrix.ts';
import { bestBaseline, fitBaselines, type FittedBaseline } from '../model/baselines.ts';
import { CHAMPION, loadAliasedModel, MODEL_NAME } from '../model/registry.ts';
import {
  compareByBootstrap,
  evaluateScores,
  type MissedPositives,
  type ScoredEvaluation,
} from '../model/evaluation.ts';
import { bestF1Threshold } from '../model/metrics.ts';
import { planCutoffs, type TrainingPlan } from '../features/cutoff-plan.ts';
import { searchXgboost, toDMatrix } from '../model/xgb-search.ts';
import type { BootstrapInterval } from '../model/bootstrap.ts';
import type { Booster } from '@sodai/xgboost';
import { referenceSnapshot, weekTransactionColumns } from '../model/drift-reference.ts';
import { decideGate, type GateDecision } from '../model/champion-gate.ts';

export type { GateDecision } from '../model/champion-gate.ts';
import { createReference } from '@sodai/drift';

export type ModelSettings = SodaiConfig['model'];

export interface TrainOutcome {
  readonly runId: string;
  readonly version: number;
  readonly plan: TrainingPlan;
  readonly coverage: DatasetSummary['coverage'];
  readonly threshold: number;
  readonly model: ScoredEvaluation;
  readonly baselines: readonly (ScoredEvaluation & { description: string })[];
  readonly bootstrap: BootstrapInterval;
  readonly gate: GateDecision;
  readonly promoted: boolean;
  /** The baselines as fitted on this training's validation weeks (to score later weeks alike). */
  readonly fittedBaselines: readonly FittedBaseline[];
}

const DATASET_TABLE = 'training_dataset';
/** The drift reference saved with every trained version. */
export const REFERENCE_ARTIFACT = 'reference.json';
/** The raw lines of the same week: basket sizes and product mix. */
export const TRANSACTIONS_REFERENCE_ARTIFACT = 'reference-transactions.json';

export async function latestPurchaseDate(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryRows(connection, 'SELECT max(purchase_date)::VARCHAR AS d FROM transactions');
  if (!row?.d) throw new SodaiError('INVALID_ARGUMENT', 'the store has no transactions yet: load data first');
  return String(row.d);
}

const inCutoffs = (cutoffs: readonly string[]) =>
  cutoffs.length === 0 ? 'false' : `cutoff IN (${cutoffs.map((c) => `DATE '${c}'`).join(', ')})`;

async function missedPositives(
  connection: DuckDBConnection,
  cutoffs: readonly string[],
): Promise<MissedPositives> {
  const rows = await queryRows(
    connection,
    `SELECT customer_id::DOUBLE AS c, count(*) AS n FROM ${DATASET_TABLE}_uncovered WHERE ${inCutoffs(cutoffs)} GROUP BY 1`,
  );
  const byCustomer = new Map(rows.map((r) => [Number(r.c), Number(r.n)]));
  return { total: [...byCustomer.values()].reduce((a, b) => a + b, 0), byCustomer };
}

function matrixDigest(matrix: DatasetMatrix): string {
  const hash = createHash('sha256');
  hash.update(new Uint8Array(matrix.features.buffer));
  hash.update(new Uint8Array(matrix.labels.buffer));
  return hash.digest('hex');
}

function predict(booster: Booster, matrix: DatasetMatrix): Float32Array {
  const d = toDMatrix(matrix);
  try {
    return booster.predict(d, { iterationRange: 'best' }).values as Float32Array;
  } finally {
    d.dispose();
  }
}

/** Mean |SHAP| per feature on up to `limit` rows: which inputs the model leans on. */
function shapSummary(booster: Booster, matrix: DatasetMatrix, limit = 5000): Record<string, number> {
  const rows = Math.min(limit, matrix.rows);
  const F = FEATURES.length;
  const sample: DatasetMatrix = {
    ...matrix,
    rows,
    features: matrix.features.subarray(0, rows * F),
    labels: matrix.labels.subarray(0, rows),
  };
  const d = toDMatrix(sample);
  try {
    const contributions = booster.predict(d, { output: 'contributions', iterationRange: 'best' }).values;
    const sums = new Float64Array(F);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < F; j++) sums[j]! += Math.abs(contributions[r * (F + 1) + j]!);
    return Object.fromEntries(FEATURES.map((f, j) => [f.name, sums[j]! / Math.max(1, rows)]));
  } finally {
    d.dispose();
  }
}

export interface PreparedWeeks {
  readonly dataset: DatasetSummary;
  readonly train: DatasetMatrix;
  readonly valid: DatasetMatrix;
  readonly test: DatasetMatrix;
  readonly missedValid: MissedPositives;
  readonly missedTest: MissedPositives;
}

/** Builds the dataset for the plan's weeks and reads each role's rows (train only when asked). */
export async function prepareWeeks(
  connection: DuckDBConnection,
  settings: ModelSettings,
  plan: TrainingPlan,
  withTrain: boolean,
): Promise<PreparedWeeks> {
  const dataset = await buildDataset(connection, {
    cutoffs: [...(withTrain ? plan.trainCutoffs : []), ...plan.validationCutoffs, plan.testCutoff],
    lookbackWeeks: settings.lookbackWeeks,
    exploreK: settings.exploreK,
    table: DATASET_TABLE,
  });
  const read = (cutoffs: readonly string[]) =>
    readDatasetMatrix(connection, DATASET_TABLE, inCutoffs(cutoffs));
  const prepared = {
    dataset,
    train: withTrain ? await read(plan.trainCutoffs) : await read([]),
    valid: await read(plan.validationCutoffs),
    test: await read([plan.testCutoff]),
    missedValid: await missedPositives(connection, plan.validationCutoffs),
    missedTest: await missedPositives(connection, [plan.testCutoff]),
  };
  if ((withTrain && prepared.train.rows === 0) || prepared.valid.rows === 0 || prepared.test.rows === 0) {
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `not enough history: need ${(withTrain ? settings.trainWeeks : 0) + settings.validationWeeks + 1} weeks with purchases before ${plan.predictCutoff}`,
    );
  }
  return prepared;
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

/**
 * The whole training step: point-in-time dataset → baselines → TPE-tuned XGBoost (each trial a
 * nested run) → decision rule on validation weeks → evaluation on the test week beside every
 * baseline → a registered version → the gate, which moves `champion` only when the challenger
 * beats both the champion and the best baseline on that same week by the margin.
 */
export async function trainAndGate(
  connection: DuckDBConnection,
  tracking: TrackingClient,
  settings: ModelSettings,
  options: {
    actor?: string;
    log?: (line: string) => void;
    signal?: AbortSignal;
    /** Move `champion` when the gate passes (default). A flow may promote in a later step instead. */
    promote?: boolean;
  } = {},
): Promise<TrainOutcome> {
  const log = options.log ?? (() => {});
  const plan = planCutoffs(await latestPurchaseDate(connection), settings);
  const { dataset, train, valid, test, missedValid, missedTest } = await prepareWeeks(
    connection,
    settings,
    plan,
    true,
  );
  log(`dataset: ${dataset.rows.toLocaleString('en')} candidate rows over ${dataset.coverage.length} weeks`);
  const baselines: FittedBaseline[] = fitBaselines(valid, missedValid.total);

  const run = await tracking.startRun({
    experiment: MODEL_NAME,
    name: `train ${plan.predictCutoff}`,
    params: {
      n_trials: settings.nTrials,
      seed: settings.seed,
      train_weeks: settings.trainWeeks,
      validation_weeks: settings.validationWeeks,
      lookback_weeks: settings.lookbackWeeks,
      explore_k: settings.exploreK,
      test_cutoff: plan.testCutoff,
    },
    tags: { kind: 'training' },
  });
  try {
    await run.logInput({
      name: 'training_dataset',
      digest: matrixDigest(train),
      rowCount: train.rows + valid.rows + test.rows,
      schema: { features: FEATURES.map((f) => ({ name: f.name, type: f.type })) },
    });
    const search = await searchXgboost(train, valid, {
      nTrials: settings.nTrials,
      seed: settings.seed,
      ...(options.signal ? { signal: options.signal } : {}),
      onTrial: async (trial) => {
        log(
          `trial ${trial.number}: ${trial.state}${trial.validationAucpr !== undefined ? ` aucpr ${trial.validationAucpr.toFixed(4)}` : ''}`,
        );
        const nested = await tracking.startRun({
          experiment: MODEL_NAME,
          name: `trial ${trial.number}`,
          parentRunId: run.id,
          params: trial.params,
          tags: { kind: 'trial', state: trial.state },
        });
        trial.history.forEach((v, step) => void nested.logMetric('valid_aucpr', v, step));
        await nested.end(trial.state === 'failed' ? 'FAILED' : 'FINISHED');
      },
    });
    const validScores = predict(search.booster, valid);
    const rule = bestF1Threshold(validScores, valid.labels, missedValid.total);
    const testScores = predict(search.booster, test);
    const model = evaluateScores('xgboost', testScores, rule.threshold, test, missedTest, true);
    const baselineEvals = baselines.map((b) => ({
      ...evaluateScores(b.name, b.score(test), b.threshold, test, missedTest, false),
      description: b.description,
    }));
    // The best baseline is chosen on validation, like the model's own settings.
    const best = bestBaseline(baselines);
    const bestEval = baselineEvals.find((e) => e.name === best.name)!;
    const bootstrap = compareByBootstrap(
      testScores,
      rule.threshold,
      best.score(test),
      best.threshold,
      test,
      missedTest,
    );

    const champion = await loadAliasedModel(tracking, CHAMPION);
    let championF1: number | undefined;
    if (champion?.compatible) {
      championF1 = evaluateScores(
        'champion',
        predict(champion.booster, test),
        champion.threshold,
        test,
        missedTest,
        true,
      ).f1.f1;
    }
    champion?.booster.dispose();
    const gate = decideGate({
      testCutoff: plan.testCutoff,
      margin: settings.gateMarginF1,
      challengerF1: model.f1.f1,
      bestBaseline: best.name,
      bestBaselineF1: bestEval.f1.f1,
      ...(champion ? { champion: { version: champion.version.version, f1: championF1 } } : {}),
    });

    await run.logParams(
      Object.fromEntries(
        Object.entries(search.params).map(([k, v]) => [`xgb_${k}`, Array.isArray(v) ? v.join(',') : v]),
      ),
    );
    await run.logMetrics({
      valid_aucpr: search.validationAucpr,
      best_iteration: search.bestIteration,
      decision_threshold: rule.threshold,
      valid_f1: rule.f1,
      test_f1: model.f1.f1,
      test_precision: model.f1.precision,
      test_recall: model.f1.recall,
      test_pr_auc: model.prAuc,
      test_logloss: model.logLoss ?? 0,
      test_precision_at_5: model.at5.precision,
      test_recall_at_5: model.at5.recall,
      test_ndcg_at_5: model.at5.ndcg,
      test_ndcg_at_10: model.at10.ndcg,
      test_f1_repeat: model.repeat.f1,
      test_f1_new: model.newPairs.f1,
      f1_gain_vs_best_baseline: bootstrap.difference,
      f1_gain_ci_low: bootstrap.low,
      f1_gain_ci_high: bootstrap.high,
      candidate_coverage: dataset.coverage.at(-1)?.share ?? 0,
      ...Object.fromEntries(baselineEvals.map((b) => [`baseline_${b.name}_f1`, b.f1.f1])),
    });
    await run.logArtifact('model.ubj', search.booster.toBuffer('ubj'), 'application/ubjson');
    await run.logJson('feature_importance.json', search.booster.featureImportance('total_gain'));
    await run.logJson('shap_summary.json', shapSummary(search.booster, test));
    await run.logJson('evaluation.json', {
      plan,
      coverage: dataset.coverage,
      model,
      baselines: baselineEvals,
      bootstrap,
      gate,
    });
    await run.logJson(REFERENCE_ARTIFACT, referenceSnapshot(test, testScores, missedTest.total));
    await run.logJson(
      TRANSACTIONS_REFERENCE_ARTIFACT,
      createReference(await weekTransactionColumns(connection, plan.testCutoff)),
    );
    await run.logJson('decision_rule.json', {
      kind: 'threshold',
      threshold: rule.threshold,
      chosenOn: plan.validationCutoffs,
      validationF1: rule.f1,
    });
    search.booster.dispose();

    const version = await tracking.registry.createModelVersion({
      modelName: MODEL_NAME,
      runId: run.id,
      artifactPath: 'model.ubj',
      signature: {
        inputs: FEATURES.map((f) => ({
          name: f.name,
          type: f.type === 'categorical' ? 'category' : 'float',
        })),
        outputs: [{ name: 'purchase_probability', type: 'float' }],
        decisionThreshold: rule.threshold,
        categories: Object.fromEntries(
          FEATURES.filter((f) => f.categories).map((f) => [f.name, f.categories]),
        ),
      },
      description: `trained on ${plan.trainCutoffs[0]}…${plan.trainCutoffs.at(-1)}, tested on the week from ${plan.testCutoff}`,
    });
    if (gate.passed && options.promote !== false) {
      await promoteChallenger(tracking, version.version, gate, options.actor ?? 'sodai train');
    }
    await run.setTags({ gate: gate.passed ? 'passed' : 'failed' });
    await run.end('FINISHED');
    return {
      runId: run.id,
      version: version.version,
      plan,
      coverage: dataset.coverage,
      threshold: rule.threshold,
      model,
      baselines: baselineEvals,
      bootstrap,
      gate,
      promoted: gate.passed && options.promote !== false,
      fittedBaselines: baselines,
    };
  } catch (error) {
    await run.end('FAILED');
    throw error;
  }
}
