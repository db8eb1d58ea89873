import { train, type Booster, type XGBoostParams } from '@sodai/xgboost';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import { seededRandom as createRng } from '@sodai/random';
import { calibrate, expectedCalibrationError, fitPlatt } from './calibration.ts';
import type { DecisionRule } from './decision-rule.ts';
import { bestF1Threshold } from './metrics.ts';
import { toDMatrix } from '../features/xgb-matrix.ts';
import { searchXgboost, type TrialOutcome } from './xgb-search.ts';

export interface FitSettings {
  readonly nTrials: number;
  readonly seed: number;
  /** Share of negative training rows kept (weighted back up by its inverse); 1 keeps all. */
  readonly negativeSampleRate: number;
  /** After the search, train the chosen parameters again on training + validation weeks. */
  readonly refit: boolean;
  readonly decisionRule: DecisionRule['kind'];
  readonly maxRounds?: number;
  /** Parameters tried first (e.g. the champion's). */
  readonly warmStart?: Readonly<Record<string, number>>;
  readonly signal?: AbortSignal;
}

/** What a long training reports as it goes (for a CLI line, a task log, the demo). */
export type TrainingProgress =
  | { readonly step: 'dataset'; readonly rows: number; readonly weeks: number; readonly seconds: number }
  | {
      readonly step: 'trial';
      readonly trial: TrialOutcome;
      readonly of: number;
      readonly seconds: number;
    }
  | { readonly step: 'refit'; readonly rows: number; readonly rounds: number; readonly seconds: number }
  | { readonly step: 'evaluation'; readonly testF1: number; readonly seconds: number };

export type ProgressListener = (event: TrainingProgress) => void | Promise<void>;

/** One line per event, for logs. */
export function describeProgress(event: TrainingProgress): string {
  const s = `${event.seconds.toFixed(1)} s`;
  switch (event.step) {
    case 'dataset':
      return `dataset: ${event.rows.toLocaleString('en')} candidate rows over ${event.weeks} weeks (${s})`;
    case 'trial': {
      const t = event.trial;
      const score =
        t.validationLogloss === undefined ? '' : ` valid log-loss ${t.validationLogloss.toFixed(5)}`;
      return `trial ${t.number + 1}/${event.of}: ${t.state}${score}${t.bestIteration === undefined ? '' : ` at round ${t.bestIteration + 1}`} (${s})`;
    }
    case 'refit':
      return `refit on the freshest weeks: ${event.rows.toLocaleString('en')} rows, ${event.rounds} rounds (${s})`;
    case 'evaluation':
      return `evaluation: test-week F1 ${event.testF1.toFixed(4)} (${s})`;
  }
}

export interface FittedPurchaseModel {
  readonly booster: Booster;
  readonly params: XGBoostParams;
  /** Rounds of the served booster. */
  readonly rounds: number;
  readonly bestIteration: number;
  readonly validationLogloss: number;
  readonly trials: readonly TrialOutcome[];
  readonly rule: DecisionRule;
  /** The fixed F1-best threshold on validation (also the serving default). */
  readonly threshold: number;
  readonly validationF1: number;
  /** Expected calibration error on validation, raw and after Platt scaling. */
  readonly calibrationError: { readonly raw: number; readonly calibrated: number };
  readonly trainRows: number;
}

/** Keeps every positive and a seeded share of negatives, with weights that restore the balance. */
function sampleNegatives(
  matrix: DatasetMatrix,
  rate: number,
  seed: number,
): { matrix: DatasetMatrix; weight?: Float32Array } {
  if (rate >= 1) return { matrix };
  const rng = createRng(seed);
  const keep: number[] = [];
  for (let i = 0; i < matrix.rows; i++) if (matrix.labels[i]! > 0.5 || rng() < rate) keep.push(i);
  const F = matrix.featureNames.length;
  const features = new Float32Array(keep.length * F);
  keep.forEach((r, k) => features.set(matrix.features.subarray(r * F, r * F + F), k * F));
  const labels = Float32Array.from(keep, (i) => matrix.labels[i]!);
  return {
    matrix: { ...matrix, rows: keep.length, features, labels },
    weight: Float32Array.from(labels, (y) => (y > 0.5 ? 1 : 1 / rate)),
  };
}

function concatRows(a: DatasetMatrix, b: DatasetMatrix): DatasetMatrix {
  const features = new Float32Array(a.features.length + b.features.length);
  features.set(a.features);
  features.set(b.features, a.features.length);
  const labels = new Float32Array(a.rows + b.rows);
  labels.set(a.labels);
  labels.set(b.labels, a.rows);
  return { ...a, rows: a.rows + b.rows, features, labels };
}

/**
 * Search + refit + calibration + decision rule, all on weeks before the test week:
 * 1. a short TPE search (first trial: the warm start) on the training weeks with negatives
 *    subsampled, early-stopped on the validation weeks' log-loss;
 * 2. Platt calibration and the F1-best threshold on the validation weeks (out of sample);
 * 3. with `refit`, the chosen parameters retrained on training + validation weeks for the search's
 *    rounds (+10% for the extra data), so the served model has seen the freshest weeks.
 * `missedValid` is how many validation purchases the candidates missed (they count in F1).
 */
export async function fitPurchaseModel(
  trainSet: DatasetMatrix,
  validSet: DatasetMatrix,
  missedValid: number,
  settings: FitSettings,
  progress: ProgressListener = () => {},
): Promise<FittedPurchaseModel> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const sampled = sampleNegatives(trainSet, settings.negativeSampleRate, settings.seed);
  const dtrain = toDMatrix(sampled.matrix, sampled.weight);
  const dvalid = toDMatrix(validSet);
  let search;
  let validScores: Float32Array;
  try {
    search = await searchXgboost(dtrain, dvalid, {
      nTrials: settings.nTrials,
      seed: settings.seed,
      ...(settings.maxRounds ? { maxRounds: settings.maxRounds } : {}),
      ...(settings.warmStart ? { warmStart: settings.warmStart } : {}),
      ...(settings.signal ? { signal: settings.signal } : {}),
      onTrial: (trial) => progress({ step: 'trial', trial, of: settings.nTrials, seconds: seconds() }),
    });
    validScores = search.booster.predict(dvalid, { iterationRange: 'best' }).values as Float32Array;
  } finally {
    dtrain.dispose();
    dvalid.dispose();
  }
  const { threshold, f1 } = bestF1Threshold(validScores, validSet.labels, missedValid);
  const calibration = fitPlatt(validScores, validSet.labels);
  let positives = 0;
  for (let i = 0; i < validSet.rows; i++) positives += validSet.labels[i]! > 0.5 ? 1 : 0;
  const rule: DecisionRule =
    settings.decisionRule === 'threshold'
      ? { kind: 'threshold', threshold }
      : { kind: 'expected-f1', calibration, missedShare: missedValid / Math.max(1, missedValid + positives) };
  const calibrationError = {
    raw: expectedCalibrationError(validScores, validSet.labels),
    calibrated: expectedCalibrationError(calibrate(validScores, calibration), validSet.labels),
  };

  let booster = search.booster;
  let rounds = search.bestIteration + 1;
  let trainRows = sampled.matrix.rows;
  if (settings.refit) {
    const both = sampleNegatives(
      concatRows(trainSet, validSet),
      settings.negativeSampleRate,
      settings.seed + 1,
    );
    const dall = toDMatrix(both.matrix, both.weight);
    try {
      rounds = Math.max(1, Math.round(rounds * 1.1));
      const refit = await train(search.params, dall, {
        numBoostRound: rounds,
        ...(settings.signal ? { signal: settings.signal } : {}),
      });
      search.booster.dispose();
      booster = refit.booster;
      trainRows = both.matrix.rows;
    } finally {
      dall.dispose();
    }
    await progress({ step: 'refit', rows: trainRows, rounds, seconds: seconds() });
  }
  return {
    booster,
    params: search.params,
    rounds,
    bestIteration: search.bestIteration,
    validationLogloss: search.validationLogloss,
    trials: search.trials,
    rule,
    threshold,
    validationF1: f1,
    calibrationError,
    trainRows,
  };
}
