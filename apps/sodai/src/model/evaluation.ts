import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import type { MissedPositives } from '../features/dataset-cache.ts';

export type { MissedPositives } from '../features/dataset-cache.ts';
import { bootstrapF1Difference, confusionsByCustomer, type BootstrapInterval } from './bootstrap.ts';
import {
  averagePrecision,
  confusionAt,
  f1FromConfusion,
  logLoss,
  rankingAtK,
  type F1Result,
  type RankingAtK,
} from './metrics.ts';

export interface ScoredEvaluation {
  readonly name: string;
  readonly f1: F1Result;
  readonly prAuc: number;
  readonly logLoss?: number;
  readonly at5: RankingAtK;
  readonly at10: RankingAtK;
  /** F1 on pairs bought before (repeat) and never bought in the lookback (new). */
  readonly repeat: F1Result;
  readonly newPairs: F1Result;
}

/** Scores one model or baseline on one evaluation set at its decision threshold. */
export function evaluateScores(
  name: string,
  scores: ArrayLike<number>,
  threshold: number,
  matrix: DatasetMatrix,
  missed: MissedPositives,
  probabilities: boolean,
): ScoredEvaluation {
  const repeatRows: number[] = [];
  const newRows: number[] = [];
  for (let i = 0; i < matrix.rows; i++) (matrix.fromHistory[i] ? repeatRows : newRows).push(i);
  return {
    name,
    f1: f1FromConfusion(confusionAt(scores, matrix.labels, threshold, missed.total)),
    prAuc: averagePrecision(scores, matrix.labels),
    ...(probabilities ? { logLoss: logLoss(scores, matrix.labels) } : {}),
    at5: rankingAtK(scores, matrix.labels, matrix.customerIds, 5),
    at10: rankingAtK(scores, matrix.labels, matrix.customerIds, 10),
    repeat: f1FromConfusion(confusionAt(scores, matrix.labels, threshold, 0, repeatRows)),
    // Missed purchases are all new pairs: the candidates hold every pair with history.
    newPairs: f1FromConfusion(confusionAt(scores, matrix.labels, threshold, missed.total, newRows)),
  };
}

/** Bootstrap interval of F1(model) − F1(baseline), resampling customers. */
export function compareByBootstrap(
  modelScores: Float32Array,
  modelThreshold: number,
  baselineScores: Float32Array,
  baselineThreshold: number,
  matrix: DatasetMatrix,
  missed: MissedPositives,
  seed = 7,
): BootstrapInterval {
  const predicted = (scores: Float32Array, t: number) => Array.from(scores, (s) => s >= t);
  return bootstrapF1Difference(
    confusionsByCustomer(
      predicted(modelScores, modelThreshold),
      matrix.labels,
      matrix.customerIds,
      missed.byCustomer,
    ),
    confusionsByCustomer(
      predicted(baselineScores, baselineThreshold),
      matrix.labels,
      matrix.customerIds,
      missed.byCustomer,
    ),
    { seed },
  );
}
