import type { Distribution, ParamValue } from '../distributions.ts';
import type { Direction } from '../storages/storage.ts';
import type { FrozenTrial } from '../trial/frozen-trial.ts';

/** What a sampler may look at: the study's direction and its trials (every state, ordered by number). */
export interface SamplerContext {
  readonly direction: Direction;
  /** Every trial of the study as of `ask()`, except the one being sampled. */
  readonly trials: readonly FrozenTrial[];
}

/** Parameters sampled jointly before the objective runs, with the distribution each was sampled from. */
export type RelativeSample = Readonly<
  Record<string, { readonly distribution: Distribution; readonly value: ParamValue }>
>;

/**
 * Proposes parameter values. Implementations are pure functions of their seed, the context and the trial:
 * they keep no state between calls, so any number of trials may be sampled concurrently and a resumed study
 * draws what an uninterrupted one would have drawn.
 *
 * Order: `sampleRelative` (if present) runs once per trial inside `ask()`; `sampleIndependent` then runs for
 * each `suggest*` whose parameter the relative sample did not cover. Both are synchronous.
 */
export interface Sampler {
  sampleRelative?(context: SamplerContext, trial: FrozenTrial): RelativeSample;
  sampleIndependent(
    context: SamplerContext,
    trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue;
}
