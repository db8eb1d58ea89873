import { TuneError } from '../errors.ts';
import { lastStep, type FrozenTrial } from '../trial/frozen-trial.ts';
import type { Pruner, PrunerContext } from './pruner.ts';

export interface MedianPrunerOptions {
  /** No pruning until this many trials of the study completed. Default 5. */
  readonly nStartupTrials?: number;
  /** No pruning before this step. Default 0. */
  readonly nWarmupSteps?: number;
  /** Check only once per this many steps after the warm-up. Default 1. */
  readonly intervalSteps?: number;
  /** At least this many completed trials must have reported at the step. Default 1. */
  readonly nMinTrials?: number;
}

/**
 * Prunes a trial whose best value so far is worse than the median of completed trials' values at the same step
 * (Optuna's MedianPruner: a 50th-percentile pruner).
 *
 * @example
 * const study = await createStudy({ pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 10 }) });
 */
export class MedianPruner implements Pruner {
  private readonly nStartupTrials: number;
  private readonly nWarmupSteps: number;
  private readonly intervalSteps: number;
  private readonly nMinTrials: number;

  constructor(options: MedianPrunerOptions = {}) {
    this.nStartupTrials = options.nStartupTrials ?? 5;
    this.nWarmupSteps = options.nWarmupSteps ?? 0;
    this.intervalSteps = options.intervalSteps ?? 1;
    this.nMinTrials = options.nMinTrials ?? 1;
    if (this.nStartupTrials < 0 || this.nWarmupSteps < 0 || this.intervalSteps < 1 || this.nMinTrials < 1) {
      throw new TuneError(
        'INVALID_ARGUMENT',
        'MedianPruner: nStartupTrials, nWarmupSteps >= 0; intervalSteps, nMinTrials >= 1',
      );
    }
  }

  prune(context: PrunerContext, trial: FrozenTrial): boolean {
    const completed = context.trials.filter((t) => t.state === 'complete');
    if (completed.length === 0 || completed.length < this.nStartupTrials) return false;
    const step = lastStep(trial);
    if (step === null || step < this.nWarmupSteps) return false;
    if (!this.isFirstInInterval(step, trial)) return false;

    const maximize = context.direction === 'maximize';
    const own = Object.values(trial.intermediateValues).filter((v) => !Number.isNaN(v));
    if (own.length === 0) return true;
    const best = maximize ? Math.max(...own) : Math.min(...own);
    const atStep = completed
      .map((t) => t.intermediateValues[step])
      .filter((v): v is number => v !== undefined && !Number.isNaN(v));
    if (atStep.length < this.nMinTrials || atStep.length === 0) return false;
    const median = percentile(atStep, 50);
    return maximize ? best < median : best > median;
  }

  /** Whether `step` is the first reported step at or after the latest interval boundary. */
  private isFirstInInterval(step: number, trial: FrozenTrial): boolean {
    const boundary =
      Math.floor((step - this.nWarmupSteps) / this.intervalSteps) * this.intervalSteps + this.nWarmupSteps;
    let secondLast = -1;
    for (const k of Object.keys(trial.intermediateValues)) {
      const s = Number(k);
      if (s !== step && s > secondLast) secondLast = s;
    }
    return secondLast < boundary;
  }
}

/** Linear-interpolation percentile (numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
