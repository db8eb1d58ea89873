import type { BaselineSpec } from './baselines.ts';

/**
 * What a rule's score means as a probability: the share of validation pairs with that score that
 * were bought in the week after. A rule such as "bought in at least 2 of the last 4 weeks" scores
 * 0 or 1; showing that as "100 %" would be false, while "61 % of the pairs it picked were bought"
 * is what the rule really achieved. Scores are grouped into at most `maxLevels` bins of equal
 * row counts (a rule with few distinct scores keeps one bin per score), and neighbouring bins are
 * pooled until the rates rise with the score, so a higher score never reads as less likely.
 */
export interface RuleRates {
  /** Upper score of each bin, ascending; a score above the last bound takes the last rate. */
  readonly upTo: readonly number[];
  readonly rate: readonly number[];
}

interface Bin {
  upTo: number;
  rows: number;
  positives: number;
}

/**
 * @example
 * const rates = fitRuleRates(Float32Array.of(0, 0, 1, 1), Float32Array.of(0, 0, 1, 0));
 * ruleRate(rates, 1); // 0.5
 */
export function fitRuleRates(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  /** The rule's own cut: no bin holds scores on both sides of it. */
  threshold = Number.POSITIVE_INFINITY,
  maxLevels = 20,
): RuleRates {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  if (order.length === 0) return { upTo: [0], rate: [0] };
  const target = Math.max(1, Math.ceil(order.length / maxLevels));
  const bins: Bin[] = [];
  let current: Bin | undefined;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const score = scores[i]!;
    // A bin closes only between two different scores, so equal scores always share a rate.
    const crossesCut = current !== undefined && current.upTo < threshold && score >= threshold;
    if (!current || crossesCut || (current.rows >= target && score !== current.upTo)) {
      current = { upTo: score, rows: 0, positives: 0 };
      bins.push(current);
    }
    current.upTo = score;
    current.rows++;
    if (labels[i]! > 0.5) current.positives++;
  }
  const pooled = poolAdjacentViolators(bins);
  return { upTo: pooled.map((b) => b.upTo), rate: pooled.map((b) => b.positives / b.rows) };
}

function poolAdjacentViolators(bins: readonly Bin[]): Bin[] {
  const out: Bin[] = [];
  for (const bin of bins) {
    let merged = { ...bin };
    while (out.length > 0 && out.at(-1)!.positives / out.at(-1)!.rows >= merged.positives / merged.rows) {
      const previous = out.pop()!;
      merged = {
        upTo: merged.upTo,
        rows: previous.rows + merged.rows,
        positives: previous.positives + merged.positives,
      };
    }
    out.push(merged);
  }
  return out;
}

/** The rate of the bin a score falls in. */
export function ruleRate(rates: RuleRates, score: number): number {
  let lo = 0;
  let hi = rates.upTo.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (score <= rates.upTo[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return rates.rate[lo] ?? 0;
}

/** A fallback rule as the predict job stores it beside its scores: the rule and what its scores mean. */
export interface StoredRule extends BaselineSpec {
  readonly rates: RuleRates;
}

/** Reads back the rule a predict commit's summary carries (undefined for a model's commit). */
export function storedRuleOf(summary: Readonly<Record<string, unknown>>): StoredRule | undefined {
  const rule = summary.rule as Partial<StoredRule> | undefined;
  if (!rule || typeof rule.name !== 'string' || typeof rule.threshold !== 'number') return undefined;
  if (!rule.rates || !Array.isArray(rule.rates.upTo) || !Array.isArray(rule.rates.rate)) return undefined;
  return rule as StoredRule;
}
