import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import type { MissedPositives } from '../features/dataset-cache.ts';
import { evaluateScores } from './evaluation.ts';

/** The realized metrics of one scorer on one week, by the names stored in the monitoring rows. */
export const REALIZED_METRICS = [
  'f1',
  'precision',
  'recall',
  'pr_auc',
  'p_at_5',
  'r_at_5',
  'ndcg_at_5',
  'ndcg_at_10',
  'customer_coverage',
  'candidate_share',
  'hits',
  'predicted',
  'purchased',
] as const;
/** A rule's extra row: 1 on the rule chosen on the validation weeks before the week, else 0. */
export const CHOSEN_RULE = 'chosen';

export type RealizedMetric = (typeof REALIZED_METRICS)[number];
export type RealizedMetrics = Readonly<Record<RealizedMetric, number>>;

/**
 * A week's metrics for scores on its candidate rows, labelled with what was bought. F1, precision
 * and recall count purchases no candidate covered as misses (as training's evaluation does);
 * `customer_coverage` is the share of the week's buyers given at least one predicted pair;
 * `candidate_share` the share of the week's purchased pairs that were candidates at all.
 */
export function scoreRealizedWeek(
  scores: ArrayLike<number>,
  threshold: number,
  matrix: DatasetMatrix,
  missed: MissedPositives,
): RealizedMetrics {
  const evaluation = evaluateScores('realized', scores, threshold, matrix, missed, false);
  const at5 = evaluation.at5;
  const buyers = new Set<number>(missed.byCustomer.keys());
  const served = new Set<number>();
  let positives = 0;
  for (let i = 0; i < matrix.rows; i++) {
    const customer = matrix.customerIds[i]!;
    if (matrix.labels[i]! > 0.5) {
      buyers.add(customer);
      positives++;
    }
    if (scores[i]! >= threshold) served.add(customer);
  }
  let coveredBuyers = 0;
  for (const c of buyers) if (served.has(c)) coveredBuyers++;
  const { f1 } = evaluation;
  return {
    f1: f1.f1,
    precision: f1.precision,
    recall: f1.recall,
    pr_auc: evaluation.prAuc,
    p_at_5: at5.precision,
    r_at_5: at5.recall,
    ndcg_at_5: at5.ndcg,
    ndcg_at_10: evaluation.at10.ndcg,
    customer_coverage: buyers.size === 0 ? 0 : coveredBuyers / buyers.size,
    candidate_share: positives + missed.total === 0 ? 0 : positives / (positives + missed.total),
    hits: f1.tp,
    predicted: f1.tp + f1.fp,
    purchased: f1.tp + f1.fn,
  };
}

/**
 * The scores of stored predictions laid over the week's candidate rows, with the threshold that
 * reproduces their `predicted` flags exactly: the lowest predicted score (every row at or above it
 * was predicted, since `predicted` was `score ≥ t` for some t ≤ it). A candidate the predictions
 * never scored (a customer who appeared later) scores −∞: not predicted, ranked last.
 */
export function alignStoredPredictions(
  matrix: DatasetMatrix,
  stored: ReadonlyMap<string, { readonly score: number; readonly predicted: boolean }>,
): { scores: Float64Array; threshold: number } {
  // Doubles, as stored: rounding to float32 could merge a predicted and an unpredicted score.
  const scores = new Float64Array(matrix.rows).fill(Number.NEGATIVE_INFINITY);
  let threshold = Number.POSITIVE_INFINITY;
  for (let i = 0; i < matrix.rows; i++) {
    const row = stored.get(pairKey(matrix.customerIds[i]!, matrix.productIds[i]!));
    if (!row) continue;
    scores[i] = row.score;
    if (row.predicted) threshold = Math.min(threshold, scores[i]!);
  }
  return { scores, threshold };
}

export const pairKey = (customer: number, product: number): string => `${customer}:${product}`;
