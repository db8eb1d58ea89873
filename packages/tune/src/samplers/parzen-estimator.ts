import type { Distribution } from '../distributions.ts';
import type { Rng } from '@sodai/random';
import { logGaussMass, sampleTruncatedStandardNormal, truncatedNormalLogPdf } from './truncated-normal.ts';

/** Bandwidth constant of the multivariate kernels (Scott's rule factor, as in BOHB and Optuna). */
const SIGMA0_MAGNITUDE = 0.2;
const EPS = 1e-12;

export interface ParzenEstimatorParameters {
  /** Add a wide kernel centred in the domain, so unexplored regions keep some density. */
  readonly considerPrior: boolean;
  readonly priorWeight: number;
  /** Floor each bandwidth at range / min(100, 1 + kernels), so no kernel collapses onto a point. */
  readonly considerMagicClip: boolean;
  /** Let the outermost kernels' bandwidths reach to the domain edges. */
  readonly considerEndpoints: boolean;
  /** Kernel weights for n observations, oldest first. */
  readonly weights: (n: number) => Float64Array;
  /** One bandwidth per dimension from Scott's rule, instead of per-kernel neighbour distances. */
  readonly multivariate: boolean;
  /**
   * How continuous kernels are scored. 'density' is the normalised truncated-normal density (Optuna >= 3.5).
   * 'height' drops the 1/σ factor, so every kernel peaks at the same height whatever its width (Optuna <= 3.4,
   * including the 3.1 reference of our benchmark): wide kernels — the prior and isolated observations — weigh
   * more, which explores more. Sampling is the same for both. See the README for the measurements behind the
   * default.
   */
  readonly kernelScoring: 'height' | 'density';
}

interface NumericDim {
  readonly kind: 'numeric';
  readonly name: string;
  readonly distribution: Distribution & { kind: 'float' | 'int' };
  readonly low: number;
  readonly high: number;
  /** Grid spacing for stepped and integer (non-log) parameters; candidates are scored by bin mass. */
  readonly q: number | null;
  readonly mus: Float64Array;
  readonly sigmas: Float64Array;
  readonly heightScoring: boolean;
}

interface CategoricalDim {
  readonly kind: 'categorical';
  readonly name: string;
  readonly nChoices: number;
  /** Row k holds kernel k's probabilities over the choices. */
  readonly probs: Float64Array;
}

type Dim = NumericDim | CategoricalDim;

/**
 * A mixture of one kernel per observation (plus a prior kernel): truncated normals for numeric dimensions,
 * smoothed one-hot distributions for categorical ones. TPE fits one to the good trials, l(x), and one to the
 * rest, g(x), and keeps the candidate with the largest l(x)/g(x).
 *
 * Values in and out are internal representations (raw numbers, categorical indices); log-scaled parameters
 * are modelled in log space.
 *
 * @example
 * const pe = new ParzenEstimator({ x: Float64Array.of(0.1, 0.4) }, { x: floatDistribution(0, 1) }, params);
 * const samples = pe.sample(new Rng(1), 24);
 * const logL = pe.logPdf(samples);
 */
export class ParzenEstimator {
  private readonly dims: readonly Dim[];
  private readonly logWeights: Float64Array;
  private readonly cumWeights: Float64Array;
  private readonly nKernels: number;

  constructor(
    observations: Readonly<Record<string, Float64Array>>,
    searchSpace: Readonly<Record<string, Distribution>>,
    parameters: ParzenEstimatorParameters,
  ) {
    const names = Object.keys(searchSpace);
    const nObs = names.length === 0 ? 0 : (observations[names[0] as string]?.length ?? 0);
    // With nothing observed, the prior is the only kernel whatever the configuration.
    const considerPrior = parameters.considerPrior || nObs === 0;
    const w = new Float64Array(nObs + (considerPrior ? 1 : 0));
    w.set(parameters.weights(nObs).subarray(0, nObs));
    if (considerPrior) w[nObs] = parameters.priorWeight;
    let total = 0;
    for (const x of w) total += x;
    this.nKernels = w.length;
    this.logWeights = w.map((x) => Math.log(x / total));
    this.cumWeights = new Float64Array(w.length);
    let acc = 0;
    for (let i = 0; i < w.length; i++) {
      acc += (w[i] as number) / total;
      this.cumWeights[i] = acc;
    }

    const sigma0 = parameters.multivariate
      ? SIGMA0_MAGNITUDE * Math.max(nObs, 1) ** (-1 / (names.length + 4))
      : null;
    this.dims = names.map((name): Dim => {
      const dist = searchSpace[name] as Distribution;
      const obs = observations[name] ?? new Float64Array(0);
      if (dist.kind === 'categorical') {
        const n = dist.choices.length;
        const fill = parameters.priorWeight / this.nKernels;
        const probs = new Float64Array(this.nKernels * n).fill(fill);
        for (let k = 0; k < nObs; k++) {
          const at = k * n + (obs[k] as number);
          probs[at] = (probs[at] as number) + 1;
        }
        for (let k = 0; k < this.nKernels; k++) {
          let s = 0;
          for (let c = 0; c < n; c++) s += probs[k * n + c] as number;
          for (let c = 0; c < n; c++) probs[k * n + c] = (probs[k * n + c] as number) / s;
        }
        return { kind: 'categorical', name, nChoices: n, probs };
      }
      const { low, high, q } = parzenBounds(dist);
      const mus = new Float64Array(this.nKernels);
      for (let k = 0; k < nObs; k++) mus[k] = dist.log ? Math.log(obs[k] as number) : (obs[k] as number);
      const priorMu = 0.5 * (low + high);
      if (considerPrior) mus[nObs] = priorMu;
      const sigmas =
        sigma0 !== null
          ? new Float64Array(this.nKernels).fill(sigma0 * (high - low))
          : neighbourSigmas(mus, low, high, parameters.considerEndpoints);
      const maxSigma = high - low;
      const minSigma = parameters.considerMagicClip ? (high - low) / Math.min(100, 1 + this.nKernels) : EPS;
      for (let k = 0; k < sigmas.length; k++)
        sigmas[k] = Math.min(maxSigma, Math.max(minSigma, sigmas[k] as number));
      if (considerPrior) sigmas[nObs] = high - low;
      return {
        kind: 'numeric',
        name,
        distribution: dist,
        low,
        high,
        q,
        mus,
        sigmas,
        heightScoring: parameters.kernelScoring === 'height',
      };
    });
  }

  /** Draws `size` points: pick a kernel by weight, then draw every dimension from that kernel. */
  sample(rng: Rng, size: number): Record<string, Float64Array> {
    const active = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const u = rng.next();
      let k = 0;
      while (k < this.nKernels - 1 && (this.cumWeights[k] as number) <= u) k++;
      active[i] = k;
    }
    const out: Record<string, Float64Array> = {};
    for (const dim of this.dims) {
      const values = new Float64Array(size);
      for (let i = 0; i < size; i++) {
        const k = active[i] as number;
        if (dim.kind === 'categorical') {
          const u = rng.next();
          let c = 0;
          let acc = dim.probs[k * dim.nChoices] as number;
          while (c < dim.nChoices - 1 && acc < u) acc += dim.probs[k * dim.nChoices + ++c] as number;
          values[i] = c;
        } else {
          const mu = dim.mus[k] as number;
          const sigma = dim.sigmas[k] as number;
          const z = sampleTruncatedStandardNormal(rng, (dim.low - mu) / sigma, (dim.high - mu) / sigma);
          values[i] = fromModelSpace(dim, mu + sigma * z);
        }
      }
      out[dim.name] = values;
    }
    return out;
  }

  /** log density of each point under the mixture (a probability mass for discrete dimensions). */
  logPdf(samples: Readonly<Record<string, Float64Array>>): Float64Array {
    const n = this.dims.length === 0 ? 0 : (samples[this.dims[0]!.name]?.length ?? 0);
    const result = new Float64Array(n);
    const comp = new Float64Array(this.nKernels);
    for (let i = 0; i < n; i++) {
      comp.set(this.logWeights);
      for (const dim of this.dims) {
        const x = (samples[dim.name] as Float64Array)[i] as number;
        for (let k = 0; k < this.nKernels; k++) comp[k] = (comp[k] as number) + kernelLogPdf(dim, k, x);
      }
      let max = -Infinity;
      for (const c of comp) if (c > max) max = c;
      if (max === -Infinity) {
        result[i] = -Infinity;
        continue;
      }
      let s = 0;
      for (const c of comp) s += Math.exp(c - max);
      result[i] = max + Math.log(s);
    }
    return result;
  }
}

function kernelLogPdf(dim: Dim, k: number, x: number): number {
  if (dim.kind === 'categorical') return Math.log(dim.probs[k * dim.nChoices + x] as number);
  const mu = dim.mus[k] as number;
  const sigma = dim.sigmas[k] as number;
  const v = dim.distribution.log ? Math.log(x) : x;
  if (dim.q === null) {
    const logDensity = truncatedNormalLogPdf(v, mu, sigma, dim.low, dim.high);
    return dim.heightScoring ? logDensity + Math.log(sigma) : logDensity;
  }
  // A grid point stands for its whole bin: score the kernel's mass on it, renormalised to the domain.
  const lo = Math.max(v - dim.q / 2, dim.low);
  const hi = Math.min(v + dim.q / 2, dim.high);
  return (
    logGaussMass((lo - mu) / sigma, (hi - mu) / sigma) -
    logGaussMass((dim.low - mu) / sigma, (dim.high - mu) / sigma)
  );
}

/** Domain of the model space: log-transformed for log, widened by half a step for grids so edges get full bins. */
function parzenBounds(d: Distribution & { kind: 'float' | 'int' }): {
  low: number;
  high: number;
  q: number | null;
} {
  if (d.kind === 'float') {
    if (d.log) return { low: Math.log(d.low), high: Math.log(d.high), q: null };
    if (d.step !== null) return { low: d.low - 0.5 * d.step, high: d.high + 0.5 * d.step, q: d.step };
    return { low: d.low, high: d.high, q: null };
  }
  if (d.log) return { low: Math.log(d.low - 0.5), high: Math.log(d.high + 0.5), q: null };
  return { low: d.low - 0.5 * d.step, high: d.high + 0.5 * d.step, q: d.step };
}

function fromModelSpace(dim: NumericDim, v: number): number {
  const d = dim.distribution;
  if (d.kind === 'float') {
    if (d.log) return Math.min(d.high, Math.max(d.low, Math.exp(v)));
    if (d.step === null) return v;
    return Math.min(
      d.high,
      Math.max(d.low, Number((Math.round((v - d.low) / d.step) * d.step + d.low).toPrecision(15))),
    );
  }
  if (d.log) return Math.min(d.high, Math.max(d.low, Math.round(Math.exp(v))));
  return Math.min(d.high, Math.max(d.low, Math.round((v - d.low) / d.step) * d.step + d.low));
}

/**
 * Univariate bandwidths: each kernel's sigma is the larger distance to its sorted neighbours (the domain edges
 * count as neighbours). Without `considerEndpoints`, the outermost kernels use their inner neighbour only.
 */
function neighbourSigmas(
  mus: Float64Array,
  low: number,
  high: number,
  considerEndpoints: boolean,
): Float64Array {
  const n = mus.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (mus[a] as number) - (mus[b] as number) || a - b,
  );
  const sorted = [low, ...order.map((i) => mus[i] as number), high];
  const sortedSigmas = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    sortedSigmas[j] = Math.max(
      (sorted[j + 1] as number) - (sorted[j] as number),
      (sorted[j + 2] as number) - (sorted[j + 1] as number),
    );
  }
  if (!considerEndpoints && sorted.length >= 4) {
    sortedSigmas[0] = (sorted[2] as number) - (sorted[1] as number);
    sortedSigmas[n - 1] = (sorted[n] as number) - (sorted[n - 1] as number);
  }
  const sigmas = new Float64Array(n);
  for (let j = 0; j < n; j++) sigmas[order[j] as number] = sortedSigmas[j] as number;
  return sigmas;
}
