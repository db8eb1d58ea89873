import { contains, toExternal, toInternal, type Distribution, type ParamValue } from '../distributions.ts';
import { deriveSeed, Rng } from '@sodai/random';
import { lastStep, type FrozenTrial } from '../trial/frozen-trial.ts';
import { ParzenEstimator, type ParzenEstimatorParameters } from './parzen-estimator.ts';
import { RandomSampler } from './random-sampler.ts';
import type { RelativeSample, Sampler, SamplerContext } from './sampler.ts';
import { intersectionSearchSpace } from './search-space.ts';

/** Optuna's default split: the best ⌈10 %⌉ of observations, at most 25, model the good region. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default kernel weights: equal for the 25 newest observations, a linear ramp up to them for older ones. */
export function defaultWeights(n: number): Float64Array {
  if (n === 0) return new Float64Array(0);
  if (n < 25) return new Float64Array(n).fill(1);
  const w = new Float64Array(n).fill(1);
  const rampLength = n - 25;
  for (let i = 0; i < rampLength; i++) {
    // np.linspace(1/n, 1, n - 25)
    w[i] = rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (rampLength - 1);
  }
  return w;
}

export interface TpeSamplerOptions {
  /** Base seed; each trial samples from a stream derived from it and the trial number. Default 0. */
  readonly seed?: number;
  /** Trials sampled at random before TPE takes over. Default 10. */
  readonly nStartupTrials?: number;
  /** Candidates drawn from l(x) per decision. Default 24. */
  readonly nEiCandidates?: number;
  /** How many observations count as good, given their number. Default {@link defaultGamma}. */
  readonly gamma?: (n: number) => number;
  /** Kernel weights, oldest observation first. Default {@link defaultWeights}. */
  readonly weights?: (n: number) => Float64Array;
  readonly considerPrior?: boolean;
  /** Weight of the prior kernel. Default 1. */
  readonly priorWeight?: number;
  /** Default true. */
  readonly considerMagicClip?: boolean;
  /** Default false. */
  readonly considerEndpoints?: boolean;
  /** Model the intersection search space jointly (Optuna's `multivariate=True`). Default false. */
  readonly multivariate?: boolean;
  /** Count running trials as the worst observations, so parallel workers spread out. Default false. */
  readonly constantLiar?: boolean;
  /** Continuous kernel scoring, see {@link ParzenEstimatorParameters.kernelScoring}. Default 'height'. */
  readonly kernelScoring?: 'height' | 'density';
}

type Score = readonly [number, number];

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011) with Optuna's defaults: after 10 random start-up
 * trials, observations are split into the best γ(n) and the rest, a Parzen estimator is fitted to each, 24
 * candidates are drawn from the good one and the candidate maximising l(x)/g(x) is kept. Pruned trials rank
 * after complete ones, by how far they got and then by their last value.
 *
 * @example
 * const study = await createStudy({ sampler: new TpeSampler({ seed: 7, multivariate: true }) });
 */
export class TpeSampler implements Sampler {
  readonly seed: number;
  private readonly nStartupTrials: number;
  private readonly nEiCandidates: number;
  private readonly gamma: (n: number) => number;
  private readonly parzen: ParzenEstimatorParameters;
  private readonly multivariate: boolean;
  private readonly constantLiar: boolean;
  private readonly random: RandomSampler;

  constructor(options: TpeSamplerOptions = {}) {
    this.seed = options.seed ?? 0;
    this.nStartupTrials = options.nStartupTrials ?? 10;
    this.nEiCandidates = options.nEiCandidates ?? 24;
    this.gamma = options.gamma ?? defaultGamma;
    this.multivariate = options.multivariate ?? false;
    this.constantLiar = options.constantLiar ?? false;
    this.parzen = {
      considerPrior: options.considerPrior ?? true,
      priorWeight: options.priorWeight ?? 1,
      considerMagicClip: options.considerMagicClip ?? true,
      considerEndpoints: options.considerEndpoints ?? false,
      weights: options.weights ?? defaultWeights,
      multivariate: this.multivariate,
      kernelScoring: options.kernelScoring ?? 'height',
    };
    this.random = new RandomSampler({ seed: this.seed });
  }

  sampleRelative(context: SamplerContext, trial: FrozenTrial): RelativeSample {
    if (!this.multivariate) return {};
    const space = intersectionSearchSpace(context.trials);
    if (Object.keys(space).length === 0) return {};
    const proposal = this.propose(
      context,
      space,
      new Rng(deriveSeed(this.seed, trial.number, 'tpe-relative')),
    );
    if (proposal === null) return {};
    const out: Record<string, { distribution: Distribution; value: ParamValue }> = {};
    for (const [name, distribution] of Object.entries(space))
      out[name] = { distribution, value: proposal[name] as ParamValue };
    return out;
  }

  sampleIndependent(
    context: SamplerContext,
    trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue {
    const rng = new Rng(deriveSeed(this.seed, trial.number, name, 'tpe'));
    const proposal = this.propose(context, { [name]: distribution }, rng);
    if (proposal === null) return this.random.sampleIndependent(context, trial, name, distribution);
    return proposal[name] as ParamValue;
  }

  /** One TPE decision over `space`, or null while still in the start-up phase. */
  private propose(
    context: SamplerContext,
    space: Readonly<Record<string, Distribution>>,
    rng: Rng,
  ): Record<string, ParamValue> | null {
    const names = Object.keys(space);
    const sign = context.direction === 'minimize' ? 1 : -1;
    const scores: Score[] = [];
    const rows: (Float64Array | null)[] = [];
    for (const t of context.trials) {
      let score: Score;
      if (t.state === 'complete' && t.value !== null) score = [-Infinity, sign * t.value];
      else if (t.state === 'pruned') {
        const step = lastStep(t);
        if (step === null) score = [1, 0];
        else {
          const v = t.intermediateValues[step] as number;
          score = [-step, Number.isNaN(v) ? Infinity : sign * v];
        }
      } else if (t.state === 'running' && this.constantLiar) score = [Infinity, Infinity];
      else continue;
      scores.push(score);
      rows.push(internalRow(t, names, space));
    }
    const n = scores.reduce((acc, [s]) => acc + (s < Infinity ? 1 : 0), 0);
    if (n < this.nStartupTrials) return null;

    const nBelow = this.gamma(n);
    const order = scores
      .map((_, i) => i)
      .sort((a, b) => compareScores(scores[a] as Score, scores[b] as Score) || a - b);
    const isBelow = new Uint8Array(scores.length);
    for (const i of order.slice(0, nBelow)) isBelow[i] = 1;
    const below = collect(rows, isBelow, 1, names);
    const above = collect(rows, isBelow, 0, names);

    const l = new ParzenEstimator(below, space, this.parzen);
    const g = new ParzenEstimator(above, space, this.parzen);
    const candidates = l.sample(rng, this.nEiCandidates);
    const logL = l.logPdf(candidates);
    const logG = g.logPdf(candidates);
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < this.nEiCandidates; i++) {
      const s = (logL[i] as number) - (logG[i] as number);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    const out: Record<string, ParamValue> = {};
    for (const name of names)
      out[name] = toExternal(space[name] as Distribution, (candidates[name] as Float64Array)[best] as number);
    return out;
  }
}

function compareScores(a: Score, b: Score): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/**
 * The trial's internal values for `names`, or null when it lacks one of them or its value lies outside the
 * current distribution (the space changed between runs): such a trial still counts for the split, like in
 * Optuna, but contributes no kernel.
 */
function internalRow(
  t: FrozenTrial,
  names: readonly string[],
  space: Readonly<Record<string, Distribution>>,
): Float64Array | null {
  const row = new Float64Array(names.length);
  for (let j = 0; j < names.length; j++) {
    const name = names[j] as string;
    const d = space[name] as Distribution;
    if (!(name in t.params)) return null;
    const v = t.params[name] as ParamValue;
    if (!contains(d, v)) return null;
    row[j] = toInternal(d, v);
  }
  return row;
}

/** Observations of one side of the split, in trial order so the weights favour recent trials. */
function collect(
  rows: readonly (Float64Array | null)[],
  isBelow: Uint8Array,
  side: number,
  names: readonly string[],
): Record<string, Float64Array> {
  const kept = rows.filter((r, i): r is Float64Array => r !== null && isBelow[i] === side);
  const out: Record<string, Float64Array> = {};
  names.forEach((name, j) => {
    out[name] = Float64Array.from(kept, (r) => r[j] as number);
  });
  return out;
}
