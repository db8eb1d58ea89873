/**
 * Confidence-based performance estimation: with calibrated probabilities, each candidate pair is a
 * coin with its own bias, so the week's expected hits, purchases and F1 follow before any label
 * exists. Purchases no candidate covers cannot be scored; `expectedUncovered` (how many there were
 * in the latest labelled week) stands in for them, as misses.
 */
export interface EstimatedPerformance {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  /** Σ p over the predicted pairs. */
  readonly expected_hits: number;
  /** Σ p over every candidate, plus the uncovered purchases expected. */
  readonly expected_purchases: number;
}

/**
 * Expected metrics of "buy if score ≥ threshold" from calibrated probabilities. F1 is the ratio of
 * expectations 2·E[TP] / (E[predicted] + E[purchased]), a close approximation of E[F1] when the week
 * holds thousands of pairs.
 */
export function estimatePerformance(
  probabilities: ArrayLike<number>,
  threshold: number,
  expectedUncovered: number,
): EstimatedPerformance {
  let hits = 0;
  let predicted = 0;
  let purchases = expectedUncovered;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    purchases += p;
    if (p >= threshold) {
      hits += p;
      predicted++;
    }
  }
  const precision = predicted === 0 ? 0 : hits / predicted;
  const recall = purchases === 0 ? 0 : hits / purchases;
  const f1 = predicted + purchases === 0 ? 0 : (2 * hits) / (predicted + purchases);
  return { f1, precision, recall, expected_hits: hits, expected_purchases: purchases };
}
