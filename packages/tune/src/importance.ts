import type { Distribution } from './distributions.ts';
import type { FrozenTrial } from './trial/frozen-trial.ts';

export interface ImportanceOptions {
  /** Parameters to rate; default every parameter of the complete trials. */
  readonly params?: readonly string[];
  /** Bins for numeric parameters; default clamp(⌊√n⌋, 2, 10). */
  readonly nBins?: number;
}

/**
 * Rates how much of the objective's variation each parameter explains on its own.
 *
 * Method — a first-order (main-effect) variance decomposition, estimated without a surrogate model:
 * 1. Take the complete trials that have the parameter; replace objective values by their ranks scaled to
 *    [0, 1], so one extreme value (common on Rosenbrock-like or diverging runs) cannot dominate.
 * 2. Group the trials by the parameter: by choice for categoricals, into equal-count bins of the (log-scaled
 *    where the distribution is log) value for numeric parameters.
 * 3. The share of the rank variance between groups is the correlation ratio η² = SS_between / SS_total, an
 *    estimate of the first-order Sobol index. Even an irrelevant parameter scores about (k − 1)/(n − 1) with k
 *    groups, so that chance level is subtracted: max(0, (η² − c) / (1 − c)).
 * 4. Scores are normalised to sum to 1 (equal shares when every score is 0).
 * Interactions are not attributed (fANOVA would split them off); with few trials the estimate is noisy.
 *
 * @example
 * const importances = paramImportances(await study.getTrials()); // { eta: 0.71, max_depth: 0.29 }
 */
export function paramImportances(
  trials: readonly FrozenTrial[],
  options: ImportanceOptions = {},
): Record<string, number> {
  const complete = trials.filter(
    (t) => t.state === 'complete' && t.value !== null && Number.isFinite(t.value),
  );
  const names = options.params ?? [...new Set(complete.flatMap((t) => Object.keys(t.params)))].sort();
  const raw: [string, number][] = names.map((name) => [
    name,
    mainEffect(
      complete.filter((t) => name in t.params),
      name,
      options.nBins,
    ),
  ]);
  const total = raw.reduce((s, [, v]) => s + v, 0);
  const out: Record<string, number> = {};
  for (const [name, v] of raw.sort((a, b) => b[1] - a[1])) out[name] = total > 0 ? v / total : 1 / raw.length;
  return out;
}

function mainEffect(trials: readonly FrozenTrial[], name: string, nBinsOption: number | undefined): number {
  const n = trials.length;
  if (n < 3) return 0;
  const ranks = rankScaled(trials.map((t) => t.value as number));
  const dist = trials[trials.length - 1]?.distributions[name] as Distribution;
  const groups = new Int32Array(n);
  let k: number;
  if (dist.kind === 'categorical') {
    const ids = new Map<string, number>();
    trials.forEach((t, i) => {
      const key = JSON.stringify(t.params[name]);
      if (!ids.has(key)) ids.set(key, ids.size);
      groups[i] = ids.get(key) as number;
    });
    k = ids.size;
  } else {
    const x = trials.map((t) => {
      const v = t.params[name] as number;
      return dist.log ? Math.log(v) : v;
    });
    k = Math.min(nBinsOption ?? Math.max(2, Math.min(10, Math.floor(Math.sqrt(n)))), n);
    const order = x.map((_, i) => i).sort((a, b) => (x[a] as number) - (x[b] as number));
    // Equal-count bins, but equal values never straddle a bin edge.
    let bin = 0;
    order.forEach((idx, pos) => {
      const target = Math.floor((pos * k) / n);
      const prev = order[pos - 1];
      if (target > bin && (prev === undefined || x[prev] !== x[idx])) bin = target;
      groups[idx] = bin;
    });
    k = bin + 1;
  }
  if (k < 2) return 0;
  const mean = ranks.reduce((s, r) => s + r, 0) / n;
  let ssTotal = 0;
  for (const r of ranks) ssTotal += (r - mean) ** 2;
  if (ssTotal === 0) return 0;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  ranks.forEach((r, i) => {
    const g = groups[i] as number;
    sums[g] = (sums[g] as number) + r;
    counts[g] = (counts[g] as number) + 1;
  });
  let ssBetween = 0;
  for (let g = 0; g < k; g++)
    if ((counts[g] as number) > 0)
      ssBetween += (counts[g] as number) * ((sums[g] as number) / (counts[g] as number) - mean) ** 2;
  const eta2 = ssBetween / ssTotal;
  const chance = (k - 1) / (n - 1);
  return chance >= 1 ? 0 : Math.max(0, (eta2 - chance) / (1 - chance));
}

/** Ranks (ties averaged) scaled to [0, 1]. */
function rankScaled(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[i] as number]) j++;
    for (let m = i; m <= j; m++) ranks[order[m] as number] = (i + j) / 2;
    i = j + 1;
  }
  const maxRank = Math.max(1, values.length - 1);
  return ranks.map((r) => r / maxRank);
}
