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
  'top5_hits',
  'top5_hit_rate',
  'expected_units',
  'realized_units',
] as const;
/** A rule's extra row: 1 on the rule chosen on the validation weeks before the week, else 0. */
export const CHOSEN_RULE = 'chosen';

export type RealizedMetric = (typeof REALIZED_METRICS)[number];
export type RealizedMetrics = Readonly<Record<RealizedMetric, number>>;

/** Units per candidate row of a week's matrix, for the business metrics. */
export interface PairUnits {
  /** What the pair usually comes to when bought (units per buying week before the cut-off). */
  readonly usual: Float64Array;
  /** Units of the pair bought in the week itself (0 when not bought). */
  readonly bought: Float64Array;
}

/**
 * A week's metrics for scores on its candidate rows, labelled with what was bought. F1, precision
 * and recall count purchases no candidate covered as misses (as training's evaluation does);
 * `customer_coverage` is the share of the week's buyers given at least one predicted pair;
 * `candidate_share` the share of the week's purchased pairs that were candidates at all.
 *
 * Business metrics: `top5_hits` counts the products of each customer's five best-scored candidates
 * that the customer bought, `top5_hit_rate` the share of those lists with at least one such
 * product; with `units` and `probabilities` (scores that are calibrated probabilities, a model's),
 * `expected_units` is Σ p × usual units over the predicted pairs and `realized_units` what those
 * pairs really came to (NaN when the scores are no probabilities).
 */
export function scoreRealizedWeek(
  scores: ArrayLike<number>,
  threshold: number,
  matrix: DatasetMatrix,
  missed: MissedPositives,
  units?: PairUnits & { readonly probabilities: boolean },
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
  const top5 = topFiveHits(scores, matrix);
  let expectedUnits = Number.NaN;
  let realizedUnits = Number.NaN;
  if (units) {
    realizedUnits = 0;
    expectedUnits = units.probabilities ? 0 : Number.NaN;
    for (let i = 0; i < matrix.rows; i++) {
      if (!(scores[i]! >= threshold)) continue;
      realizedUnits += units.bought[i]!;
      if (units.probabilities) expectedUnits += scores[i]! * units.usual[i]!;
    }
  }
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
    top5_hits: top5.hits,
    top5_hit_rate: top5.lists === 0 ? 0 : top5.listsWithHit / top5.lists,
    expected_units: expectedUnits,
    realized_units: realizedUnits,
  };
}

/**
 * Each customer's five best-scored candidates (ties by row order): how many were bought, and how
 * many customers' lists held at least one. Candidates never scored (−∞) are never in a list.
 */
function topFiveHits(
  scores: ArrayLike<number>,
  matrix: DatasetMatrix,
): { hits: number; lists: number; listsWithHit: number } {
  const byCustomer = new Map<number, number[]>();
  for (let i = 0; i < matrix.rows; i++) {
    if (scores[i]! === Number.NEGATIVE_INFINITY) continue;
    const c = matrix.customerIds[i]!;
    let rows = byCustomer.get(c);
    if (!rows) byCustomer.set(c, (rows = []));
    rows.push(i);
  }
  let hits = 0;
  let listsWithHit = 0;
  for (const rows of byCustomer.values()) {
    rows.sort((a, b) => scores[b]! - scores[a]! || a - b);
    let inList = 0;
    for (const i of rows.slice(0, 5)) if (matrix.labels[i]! > 0.5) inList++;
    hits += inList;
    if (inList > 0) listsWithHit++;
  }
  return { hits, lists: byCustomer.size, listsWithHit };
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
