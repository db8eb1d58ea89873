/**
 * Metrics over scored candidate rows. Pair-level F1 counts every purchased (customer, product) pair
 * of the week, including pairs the candidate set missed (`missedPositives`), so a narrow candidate
 * set cannot look good by ignoring what it never scored.
 */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
}

export interface F1Result extends Confusion {
  precision: number;
  recall: number;
  f1: number;
}

export function f1FromConfusion({ tp, fp, fn }: Confusion): F1Result {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Confusion counts of "score ≥ threshold" over the rows in `rows` (all rows when omitted). */
export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
  missedPositives = 0,
  rows?: ArrayLike<number>,
): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = missedPositives;
  const n = rows ? rows.length : scores.length;
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k]! : k;
    const predicted = scores[i]! >= threshold;
    const actual = labels[i]! > 0.5;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  }
  return { tp, fp, fn };
}

/** The threshold that maximises F1 (ties: the higher threshold), by one sort and one sweep. */
export function bestF1Threshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  missedPositives = 0,
): { threshold: number; f1: number } {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = missedPositives;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > 0.5) positives++;
  let tp = 0;
  let best = { threshold: Number.POSITIVE_INFINITY, f1: 0 };
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i]! > 0.5) tp++;
    const next = order[k + 1];
    // Only cut between distinct scores: equal scores are all in or all out.
    if (next !== undefined && scores[next] === scores[i]) continue;
    const predicted = k + 1;
    const f1 = (2 * tp) / (predicted + positives);
    if (f1 > best.f1) best = { threshold: scores[i]!, f1 };
  }
  return best;
}

/** Average precision (area under the precision–recall curve) over the scored rows. */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > 0.5) positives++;
  if (positives === 0) return 0;
  let tp = 0;
  let sum = 0;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]!]! > 0.5) {
      tp++;
      sum += tp / (k + 1);
    }
  }
  return sum / positives;
}

export function logLoss(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const eps = 1e-7;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, scores[i]!));
    total += labels[i]! > 0.5 ? -Math.log(p) : -Math.log(1 - p);
  }
  return scores.length === 0 ? 0 : total / scores.length;
}

export interface RankingAtK {
  k: number;
  precision: number;
  recall: number;
  ndcg: number;
  customers: number;
}

/**
 * Per-customer top-k precision, recall and NDCG, averaged over customers who bought something
 * among their candidates. `customers[i]` groups rows.
 */
export function rankingAtK(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  customers: ArrayLike<number>,
  k: number,
): RankingAtK {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < scores.length; i++) {
    const key = customers[i]!;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(i);
  }
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  let counted = 0;
  for (const rows of groups.values()) {
    const positives = rows.reduce((n, i) => n + (labels[i]! > 0.5 ? 1 : 0), 0);
    if (positives === 0) continue;
    rows.sort((a, b) => scores[b]! - scores[a]!);
    let hits = 0;
    let dcg = 0;
    for (let r = 0; r < Math.min(k, rows.length); r++) {
      if (labels[rows[r]!]! > 0.5) {
        hits++;
        dcg += 1 / Math.log2(r + 2);
      }
    }
    let ideal = 0;
    for (let r = 0; r < Math.min(k, positives); r++) ideal += 1 / Math.log2(r + 2);
    precision += hits / k;
    recall += hits / positives;
    ndcg += dcg / ideal;
    counted++;
  }
  const d = Math.max(1, counted);
  return { k, precision: precision / d, recall: recall / d, ndcg: ndcg / d, customers: counted };
}
