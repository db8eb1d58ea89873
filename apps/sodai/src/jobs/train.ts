import { createHash } from 'node:crypto';
import { createReference } from '@sodai/drift';
import type { Booster } from '@sodai/xgboost';
import type { TrackingClient } from '@sodai/tracking';
import { FEATURES } from '../contract/feature-vector.ts';
import type { TrainingPlan } from '../features/cutoff-plan.ts';
import type { DatasetSummary } from '../features/dataset-builder.ts';
import { cutoffRows, everyNthRow, type DatasetMatrix } from '../features/dataset-matrix.ts';
import { scoreMatrix, scoreRows } from '../features/xgb-matrix.ts';
import { baselineSpec, bestBaseline, fitBaselines, type BaselineSpec } from '../model/baselines.ts';
import type { BootstrapInterval } from '../model/bootstrap.ts';
import {
  calibrateDriftThresholds,
  referenceSnapshot,
  weekTransactionColumns,
} from '../model/drift-reference.ts';
import { compareByBootstrap, evaluateScores, type ScoredEvaluation } from '../model/evaluation.ts';
import { MODEL_NAME, purchaseModelSignature } from '../model/registry.ts';
import { weekThreshold } from '../model/decision-rule.ts';
import { describeProgress, fitPurchaseModel, type ProgressListener } from '../model/fit-purchase-model.ts';
import { SodaiError } from '../errors.ts';
import type { WeekContext } from './week-context.ts';

/** The drift reference saved with every trained version. */
export const REFERENCE_ARTIFACT = 'reference.json';
/** The raw lines of the same week: basket sizes and product mix. */
export const TRANSACTIONS_REFERENCE_ARTIFACT = 'reference-transactions.json';
/** The baselines as fitted on the version's validation weeks. */
export const BASELINES_ARTIFACT = 'baselines.json';

/** A trained and registered challenger, before any gate. Plain data: it travels between tasks. */
export interface TrainOutcome {
  readonly runId: string;
  readonly version: number;
  readonly plan: TrainingPlan;
  readonly coverage: DatasetSummary['coverage'];
  readonly threshold: number;
  readonly model: ScoredEvaluation;
  readonly baselines: readonly (ScoredEvaluation & { description: string })[];
  readonly bootstrap: BootstrapInterval;
  /** The baselines as fitted on this training's validation weeks (to score later weeks alike). */
  readonly fittedBaselines: readonly BaselineSpec[];
  /** The baseline with the best validation F1, and its F1 on the test week. */
  readonly bestBaseline: { readonly name: string; readonly testF1: number };
}

/** The rows of every role in the plan (train only when asked), each cut-off built once. */
export interface PlanMatrices {
  readonly train: DatasetMatrix;
  readonly valid: DatasetMatrix;
  readonly test: DatasetMatrix;
  readonly missedValid: Awaited<ReturnType<WeekContext['datasets']['missed']>>;
  readonly missedTest: Awaited<ReturnType<WeekContext['datasets']['missed']>>;
  readonly summary: DatasetSummary;
}

export async function planMatrices(week: WeekContext, withTrain: boolean): Promise<PlanMatrices> {
  const { plan, datasets, settings } = week;
  const trainCutoffs = withTrain ? plan.trainCutoffs : [];
  const summary = await datasets.ensure([...trainCutoffs, ...plan.validationCutoffs, plan.testCutoff]);
  const prepared = {
    train: await datasets.matrix(trainCutoffs),
    valid: await datasets.matrix(plan.validationCutoffs),
    test: await datasets.matrix([plan.testCutoff]),
    missedValid: await datasets.missed(plan.validationCutoffs),
    missedTest: await datasets.missed([plan.testCutoff]),
    summary,
  };
  if ((withTrain && prepared.train.rows === 0) || prepared.valid.rows === 0 || prepared.test.rows === 0) {
    throw new SodaiError(
      'INVALID_ARGUMENT',
      `not enough history: need ${(withTrain ? settings.trainWeeks : 0) + settings.validationWeeks + 1} weeks with purchases before ${plan.predictCutoff}`,
    );
  }
  return prepared;
}

function matrixDigest(matrix: DatasetMatrix): string {
  const hash = createHash('sha256');
  hash.update(new Uint8Array(matrix.features.buffer));
  hash.update(new Uint8Array(matrix.labels.buffer));
  return hash.digest('hex');
}

/**
 * Mean |SHAP| (TreeSHAP) per feature over a systematic sample of at most `limit` rows of the whole
 * matrix: which inputs the model leans on. The matrix is ordered by customer, so its first rows
 * would describe the lowest customer ids only; and TreeSHAP costs ~1.3 ms a row for the demo's model
 * (the first 5,000 rows took 6.4 s of a 59 s training).
 */
function shapSummary(booster: Booster, matrix: DatasetMatrix, limit = 1000): Record<string, number> {
  const F = FEATURES.length;
  const { rows, features } = everyNthRow(matrix, Math.ceil(matrix.rows / limit));
  const contributions = scoreRows(booster, features, rows, 'contributions');
  const sums = new Float64Array(F);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < F; j++) sums[j]! += Math.abs(contributions[r * (F + 1) + j]!);
  return Object.fromEntries(FEATURES.map((f, j) => [f.name, sums[j]! / Math.max(1, rows)]));
}

/**
 * Trains one challenger for the week's plan: baselines fitted on the validation weeks →
 * {@link fitPurchaseModel} (short search, each trial a nested run; calibration and the week-level
 * decision rule on the validation weeks) → evaluation on the
 * test week beside every baseline → a registered version with its artifacts. It does not judge the
 * challenger against the champion: that is the gate's job ({@link gateChallenger}).
 */
export async function trainChallenger(
  week: WeekContext,
  tracking: TrackingClient,
  options: {
    signal?: AbortSignal;
    /** Each long step as it ends (default: one line to the week's log). */
    progress?: ProgressListener;
  } = {},
): Promise<TrainOutcome> {
  const { plan, settings, log } = week;
  const progress: ProgressListener = options.progress ?? ((event) => log(describeProgress(event)));
  const started = performance.now();
  const { train, valid, test, missedValid, missedTest, summary } = await planMatrices(week, true);
  await progress({
    step: 'dataset',
    rows: summary.rows,
    weeks: summary.coverage.length,
    seconds: (performance.now() - started) / 1000,
  });
  const baselines = fitBaselines(valid, missedValid.total);

  const run = await tracking.startRun({
    experiment: MODEL_NAME,
    name: `train ${plan.predictCutoff}`,
    params: {
      n_trials: settings.nTrials,
      negative_sample_rate: settings.negativeSampleRate,
      refit: String(settings.refit),
      decision_rule: settings.decisionRule,
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
    const search = await fitPurchaseModel(
      train,
      valid,
      missedValid.total,
      { ...settings, ...(options.signal ? { signal: options.signal } : {}) },
      async (event) => {
        await progress(event);
        if (event.step !== 'trial') return;
        const trial = event.trial;
        const nested = await tracking.startRun({
          experiment: MODEL_NAME,
          name: `trial ${trial.number}`,
          parentRunId: run.id,
          params: trial.params,
          tags: { kind: 'trial', state: trial.state },
        });
        trial.history.forEach((v, step) => void nested.logMetric('valid_logloss', v, step));
        await nested.end(trial.state === 'failed' ? 'FAILED' : 'FINISHED');
      },
    );
    try {
      const rule = { threshold: search.threshold, f1: search.validationF1 };
      const testScores = scoreMatrix(search.booster, test);
      // The rule may adapt the cut to the test week's expected volume, as it will every week.
      const testThreshold = weekThreshold(search.rule, testScores);
      const model = evaluateScores('xgboost', testScores, testThreshold, test, missedTest, true);
      await progress({
        step: 'evaluation',
        testF1: model.f1.f1,
        seconds: (performance.now() - started) / 1000,
      });
      const baselineEvals = baselines.map((b) => ({
        ...evaluateScores(b.name, b.score(test), b.threshold, test, missedTest, false),
        description: b.description,
      }));
      // The best baseline is chosen on validation, like the model's own settings.
      const best = bestBaseline(baselines);
      const bestEval = baselineEvals.find((e) => e.name === best.name)!;
      const bootstrap = compareByBootstrap(
        testScores,
        testThreshold,
        best.score(test),
        best.threshold,
        test,
        missedTest,
      );
      await run.logParams(
        Object.fromEntries(
          Object.entries(search.params).map(([k, v]) => [`xgb_${k}`, Array.isArray(v) ? v.join(',') : v]),
        ),
      );
      await run.logMetrics({
        valid_logloss: search.validationLogloss,
        best_iteration: search.bestIteration,
        served_rounds: search.rounds,
        calibration_error_raw: search.calibrationError.raw,
        calibration_error: search.calibrationError.calibrated,
        decision_threshold: rule.threshold,
        test_week_threshold: testThreshold,
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
        candidate_coverage: summary.coverage.at(-1)?.share ?? 0,
        ...Object.fromEntries(baselineEvals.map((b) => [`baseline_${b.name}_f1`, b.f1.f1])),
      });
      await run.logArtifact('model.ubj', search.booster.toBuffer('ubj'), 'application/ubjson');
      await run.logJson('feature_importance.json', search.booster.featureImportance('total_gain'));
      await run.logJson('shap_summary.json', shapSummary(search.booster, test));
      await run.logJson('evaluation.json', {
        plan,
        coverage: summary.coverage,
        model,
        baselines: baselineEvals,
        bootstrap,
      });
      await run.logJson(BASELINES_ARTIFACT, baselines.map(baselineSpec));
      const thresholds = await calibrateDriftThresholds(
        week.connection,
        plan,
        settings.maxAgeWeeks,
        async (cutoff) => {
          const rows = [train, valid, test].map((m) => cutoffRows(m, cutoff)).find(Boolean);
          if (rows) return rows;
          await week.datasets.ensure([cutoff]);
          return week.datasets.matrix([cutoff]);
        },
      );
      await run.logJson(
        REFERENCE_ARTIFACT,
        referenceSnapshot(test, testScores, missedTest.total, thresholds.features),
      );
      await run.logJson(
        TRANSACTIONS_REFERENCE_ARTIFACT,
        createReference(await weekTransactionColumns(week.connection, plan.testCutoff), {
          ...(thresholds.lines ? { thresholds: thresholds.lines } : {}),
        }),
      );
      await run.logJson('decision_rule.json', {
        ...search.rule,
        threshold: rule.threshold,
        chosenOn: plan.validationCutoffs,
        validationF1: rule.f1,
        calibrationError: search.calibrationError,
      });
      const version = await tracking.registry.createModelVersion({
        modelName: MODEL_NAME,
        runId: run.id,
        artifactPath: 'model.ubj',
        signature: purchaseModelSignature(rule.threshold, {
          decisionRule: search.rule,
          trainedFor: plan.predictCutoff,
          testCutoff: plan.testCutoff,
          categories: Object.fromEntries(
            FEATURES.filter((f) => f.categories).map((f) => [f.name, f.categories]),
          ),
        }),
        description: `trained on ${plan.trainCutoffs[0]}…${plan.trainCutoffs.at(-1)}, tested on the week from ${plan.testCutoff}`,
      });
      await run.end('FINISHED');
      log(
        `version ${version.version}: test F1 ${model.f1.f1.toFixed(4)} (${best.name} ${bestEval.f1.f1.toFixed(4)})`,
      );
      return {
        runId: run.id,
        version: version.version,
        plan,
        coverage: summary.coverage,
        threshold: rule.threshold,
        model,
        baselines: baselineEvals,
        bootstrap,
        fittedBaselines: baselines.map(baselineSpec),
        bestBaseline: { name: best.name, testF1: bestEval.f1.f1 },
      };
    } finally {
      search.booster.dispose();
    }
  } catch (error) {
    await run.end('FAILED');
    throw error;
  }
}
