import { TuneError } from '../errors.ts';
import { lastStep, type FrozenTrial } from '../trial/frozen-trial.ts';
import type { Pruner, PrunerContext } from './pruner.ts';

export interface SuccessiveHalvingPrunerOptions {
  /** Steps before the first rung, or 'auto': max(1, ⌊last step of the longest completed trial / 100⌋). Default 'auto'. */
  readonly minResource?: number | 'auto';
  /** Keep the best 1/reductionFactor at each rung. Default 4. */
  readonly reductionFactor?: number;
  /** Rung r sits at minResource · reductionFactor^(minEarlyStoppingRate + r). Default 0. */
  readonly minEarlyStoppingRate?: number;
  /** A trial is pruned at a rung until more than this many trials reached it. Default 0. */
  readonly bootstrapCount?: number;
}

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018), as in Optuna: at each rung a trial continues only if
 * its value is in the best 1/reductionFactor of all values recorded at that rung so far.
 *
 * Unlike Optuna, rung values are not written to the trial: a trial's value at a rung is read from its
 * intermediate values (the first reported step at or after the rung), which gives the same decisions when
 * values are reported every step and keeps the pruner stateless and synchronous.
 *
 * @example
 * const study = await createStudy({ pruner: new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 3 }) });
 */
export class SuccessiveHalvingPruner implements Pruner {
  private readonly minResource: number | 'auto';
  private readonly reductionFactor: number;
  private readonly minEarlyStoppingRate: number;
  private readonly bootstrapCount: number;

  constructor(options: SuccessiveHalvingPrunerOptions = {}) {
    this.minResource = options.minResource ?? 'auto';
    this.reductionFactor = options.reductionFactor ?? 4;
    this.minEarlyStoppingRate = options.minEarlyStoppingRate ?? 0;
    this.bootstrapCount = options.bootstrapCount ?? 0;
    if (
      (this.minResource !== 'auto' && !(this.minResource >= 1)) ||
      !(this.reductionFactor >= 2) ||
      this.minEarlyStoppingRate < 0 ||
      this.bootstrapCount < 0
    ) {
      throw new TuneError(
        'INVALID_ARGUMENT',
        'SuccessiveHalvingPruner: minResource >= 1, reductionFactor >= 2, rates and counts >= 0',
      );
    }
  }

  prune(context: PrunerContext, trial: FrozenTrial): boolean {
    const step = lastStep(trial);
    if (step === null) return false;
    const minResource = this.minResource === 'auto' ? estimateMinResource(context.trials) : this.minResource;
    if (minResource === null) return false;
    const others = context.trials.filter((t) => t.id !== trial.id);
    for (let rung = 0; ; rung++) {
      const promotion = this.rungStep(minResource, rung);
      if (step < promotion) return false;
      const value = rungValue(trial, promotion);
      if (value === undefined) return false;
      if (Number.isNaN(value)) return true;
      const competing = [value];
      for (const t of others) {
        const v = rungValue(t, promotion);
        if (v !== undefined && !Number.isNaN(v)) competing.push(v);
      }
      if (competing.length <= this.bootstrapCount) return true;
      if (!this.promotable(value, competing, context.direction === 'maximize')) return true;
    }
  }

  private rungStep(minResource: number, rung: number): number {
    return minResource * this.reductionFactor ** (this.minEarlyStoppingRate + rung);
  }

  private promotable(value: number, competing: number[], maximize: boolean): boolean {
    let idx = Math.floor(competing.length / this.reductionFactor) - 1;
    // Until reductionFactor trials reached the rung, only the best so far continues (no suspend/resume).
    if (idx === -1) idx = 0;
    competing.sort((a, b) => a - b);
    return maximize
      ? value >= (competing[competing.length - 1 - idx] as number)
      : value <= (competing[idx] as number);
  }
}

function estimateMinResource(trials: readonly FrozenTrial[]): number | null {
  let max: number | null = null;
  for (const t of trials) {
    if (t.state !== 'complete') continue;
    const s = lastStep(t);
    if (s !== null && (max === null || s > max)) max = s;
  }
  return max === null ? null : Math.max(Math.floor(max / 100), 1);
}

/** The value a trial recorded at a rung: its value at the first reported step >= the rung's step. */
function rungValue(t: FrozenTrial, promotionStep: number): number | undefined {
  let first: number | null = null;
  for (const k of Object.keys(t.intermediateValues)) {
    const s = Number(k);
    if (s >= promotionStep && (first === null || s < first)) first = s;
  }
  return first === null ? undefined : t.intermediateValues[first];
}
