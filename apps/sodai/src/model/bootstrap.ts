import { seededRandom as createRng } from '@sodai/random';
import { f1FromConfusion, type Confusion } from './metrics.ts';

/** Confusion counts per customer, the unit a bootstrap resamples (pairs of one customer are not independent). */
export type CustomerConfusions = ReadonlyMap<number, Confusion>;

export function confusionsByCustomer(
  predicted: ArrayLike<boolean>,
  labels: ArrayLike<number>,
  customers: ArrayLike<number>,
  missedByCustomer: ReadonlyMap<number, number>,
): Map<number, Confusion> {
  const out = new Map<number, Confusion>();
  const get = (c: number) => {
    let v = out.get(c);
    if (!v) out.set(c, (v = { tp: 0, fp: 0, fn: 0 }));
    return v;
  };
  for (let i = 0; i < labels.length; i++) {
    const v = get(customers[i]!);
    const actual = labels[i]! > 0.5;
    if (predicted[i] && actual) v.tp++;
    else if (predicted[i]) v.fp++;
    else if (actual) v.fn++;
  }
  for (const [customer, missed] of missedByCustomer) get(customer).fn += missed;
  return out;
}

export interface BootstrapInterval {
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly replicates: number;
  readonly level: number;
}

/**
 * Percentile bootstrap of F1(a) − F1(b) on the same customers, resampling customers with
 * replacement. Seeded, so the interval is reproducible.
 */
export function bootstrapF1Difference(
  a: CustomerConfusions,
  b: CustomerConfusions,
  options: { replicates?: number; level?: number; seed?: number } = {},
): BootstrapInterval {
  const replicates = options.replicates ?? 1000;
  const level = options.level ?? 0.95;
  const rng = createRng(options.seed ?? 7);
  const customers = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const zero: Confusion = { tp: 0, fp: 0, fn: 0 };
  const ca = customers.map((c) => a.get(c) ?? zero);
  const cb = customers.map((c) => b.get(c) ?? zero);
  const sum = (list: Confusion[], picks?: Int32Array) => {
    const total = { tp: 0, fp: 0, fn: 0 };
    const n = picks ? picks.length : list.length;
    for (let k = 0; k < n; k++) {
      const v = list[picks ? picks[k]! : k]!;
      total.tp += v.tp;
      total.fp += v.fp;
      total.fn += v.fn;
    }
    return total;
  };
  const difference = f1FromConfusion(sum(ca)).f1 - f1FromConfusion(sum(cb)).f1;
  const diffs = new Float64Array(replicates);
  const picks = new Int32Array(customers.length);
  for (let r = 0; r < replicates; r++) {
    for (let k = 0; k < picks.length; k++) picks[k] = Math.floor(rng() * customers.length);
    diffs[r] = f1FromConfusion(sum(ca, picks)).f1 - f1FromConfusion(sum(cb, picks)).f1;
  }
  diffs.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) => diffs[Math.min(replicates - 1, Math.max(0, Math.floor(q * replicates)))]!;
  return { difference, low: at(tail), high: at(1 - tail), replicates, level };
}
