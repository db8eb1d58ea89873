import type { Distribution, ParamValue } from '../distributions.ts';
import { deriveSeed, Rng } from '@sodai/random';
import type { FrozenTrial } from '../trial/frozen-trial.ts';
import type { Sampler, SamplerContext } from './sampler.ts';

export interface RandomSamplerOptions {
  /** Base seed; each (trial number, parameter) pair draws from its own derived stream. Default 0. */
  readonly seed?: number;
}

/**
 * Samples every parameter uniformly (in log space for `log`), independently of history.
 *
 * @example
 * const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
 */
export class RandomSampler implements Sampler {
  readonly seed: number;

  constructor(options: RandomSamplerOptions = {}) {
    this.seed = options.seed ?? 0;
  }

  sampleIndependent(
    _context: SamplerContext,
    trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(new Rng(deriveSeed(this.seed, trial.number, name, 'random')), distribution);
  }
}

/** One uniform draw from a distribution, in its external representation. */
export function sampleUniform(rng: Rng, d: Distribution): ParamValue {
  switch (d.kind) {
    case 'categorical':
      return d.choices[rng.int(d.choices.length)] ?? null;
    case 'float': {
      if (d.log) return clamp(Math.exp(rng.uniform(Math.log(d.low), Math.log(d.high))), d.low, d.high);
      if (d.step !== null) {
        const k = rng.int(Math.round((d.high - d.low) / d.step) + 1);
        return clamp(Number((d.low + k * d.step).toPrecision(15)), d.low, d.high);
      }
      return rng.uniform(d.low, d.high);
    }
    case 'int': {
      if (d.log) {
        const x = Math.round(Math.exp(rng.uniform(Math.log(d.low - 0.5), Math.log(d.high + 0.5))));
        return clamp(x, d.low, d.high);
      }
      return d.low + rng.int((d.high - d.low) / d.step + 1) * d.step;
    }
  }
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}
