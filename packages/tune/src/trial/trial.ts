import {
  categoricalDistribution,
  contains,
  distributionsEqual,
  floatDistribution,
  intDistribution,
  isSingleValued,
  type CategoricalChoice,
  type Distribution,
  type NumericOptions,
  type ParamValue,
} from '../distributions.ts';
import { TuneError } from '../errors.ts';
import type { Pruner, PrunerContext } from '../pruners/pruner.ts';
import type { RelativeSample, Sampler, SamplerContext } from '../samplers/sampler.ts';
import type { Storage } from '../storages/storage.ts';
import { freezeTrial, type FrozenTrial, type JsonValue } from './frozen-trial.ts';

/** What a live trial needs from its study; kept narrow so the trial can be tested alone. */
export interface TrialHost {
  readonly storage: Storage;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  /** The other trials as this process last saw them, for the pruner. */
  prunerContext(self: Trial): PrunerContext;
}

/**
 * A running trial, handed to the objective. `suggest*`, `report`, `shouldPrune` and `setUserAttr` are
 * synchronous — so they work inside a native trainer's per-iteration callback — and their writes to the
 * storage are queued in call order; `study.tell` waits for the queue before finishing the trial.
 *
 * @example
 * const objective = (trial: Trial) => {
 *   const lr = trial.suggestFloat('lr', 1e-4, 1e-1, { log: true });
 *   const depth = trial.suggestInt('depth', 2, 10);
 *   const booster = trial.suggestCategorical('booster', ['gbtree', 'dart']);
 *   return train({ lr, depth, booster });
 * };
 */
export class Trial {
  readonly id: number;
  readonly number: number;
  private readonly host: TrialHost;
  private readonly samplerContext: SamplerContext;
  private readonly relative: RelativeSample;
  private readonly fixedParams: Readonly<Record<string, ParamValue>>;
  private readonly startedAtMs: number | null;
  private readonly paramValues: Record<string, ParamValue> = {};
  private readonly paramDistributions: Record<string, Distribution> = {};
  private readonly intermediate: Record<number, number> = {};
  private readonly attrs: Record<string, JsonValue> = {};
  private queue: Promise<void> = Promise.resolve();
  private writeError: unknown = null;
  private open = true;

  /** @internal Created by `Study.ask()`. */
  constructor(
    host: TrialHost,
    record: FrozenTrial,
    samplerContext: SamplerContext,
    relative: RelativeSample,
  ) {
    this.host = host;
    this.id = record.id;
    this.number = record.number;
    this.fixedParams = record.fixedParams;
    this.startedAtMs = record.startedAtMs;
    this.samplerContext = samplerContext;
    this.relative = relative;
  }

  /** Parameters suggested so far. */
  get params(): Readonly<Record<string, ParamValue>> {
    return { ...this.paramValues };
  }

  /**
   * A float in [low, high]; `log` samples in log space, `step` on the grid low + k·step.
   *
   * @example
   * const lr = trial.suggestFloat('eta', 0.01, 0.3, { log: true });
   */
  suggestFloat(name: string, low: number, high: number, options: NumericOptions = {}): number {
    return this.suggest(name, floatDistribution(low, high, options)) as number;
  }

  /**
   * An integer in [low, high] on the grid low + k·step; `log` samples in log space.
   *
   * @example
   * const depth = trial.suggestInt('max_depth', 3, 10);
   */
  suggestInt(name: string, low: number, high: number, options: NumericOptions = {}): number {
    return this.suggest(name, intDistribution(low, high, options)) as number;
  }

  /**
   * One of `choices`.
   *
   * @example
   * const booster = trial.suggestCategorical('booster', ['gbtree', 'dart'] as const);
   */
  suggestCategorical<T extends CategoricalChoice>(name: string, choices: readonly T[]): T {
    return this.suggest(name, categoricalDistribution(choices)) as T;
  }

  /**
   * Records an intermediate value (e.g. validation loss after `step` boosting rounds) for pruning and plots.
   * Reporting a step twice keeps the first value, as Optuna does.
   */
  report(value: number, step: number): void {
    this.ensureOpen();
    if (!Number.isInteger(step) || step < 0)
      throw new TuneError('INVALID_ARGUMENT', `step must be an integer >= 0, got ${step}`);
    if (typeof value !== 'number') throw new TuneError('INVALID_ARGUMENT', `reported value must be a number`);
    if (step in this.intermediate) return;
    this.intermediate[step] = value;
    this.enqueue(() => this.host.storage.setTrialIntermediateValue(this.id, step, value));
  }

  /** Whether the study's pruner wants this trial stopped; if so, throw `TrialPruned`. */
  shouldPrune(): boolean {
    this.ensureOpen();
    return this.host.pruner.prune(this.host.prunerContext(this), this.toFrozen());
  }

  /** Attaches a JSON value to the trial (shown in exports). */
  setUserAttr(key: string, value: JsonValue): void {
    this.ensureOpen();
    this.attrs[key] = structuredClone(value) as JsonValue;
    this.enqueue(() => this.host.storage.setTrialUserAttr(this.id, key, value));
  }

  /** The trial as a frozen record, with everything suggested and reported so far. */
  toFrozen(): FrozenTrial {
    return freezeTrial({
      id: this.id,
      number: this.number,
      state: 'running',
      value: null,
      params: { ...this.paramValues },
      distributions: { ...this.paramDistributions },
      intermediateValues: { ...this.intermediate },
      userAttrs: structuredClone(this.attrs),
      fixedParams: this.fixedParams,
      error: null,
      startedAtMs: this.startedAtMs,
      completedAtMs: null,
    });
  }

  /** @internal Waits for queued writes and closes the trial to further changes; rethrows a failed write. */
  async settle(): Promise<void> {
    this.open = false;
    await this.queue;
    if (this.writeError !== null) throw this.writeError;
  }

  private suggest(name: string, distribution: Distribution): ParamValue {
    this.ensureOpen();
    const previous = this.paramDistributions[name];
    if (previous !== undefined) {
      if (!distributionsEqual(previous, distribution)) {
        throw new TuneError(
          'INCOMPATIBLE_DISTRIBUTION',
          `parameter "${name}" was suggested with a different distribution in this trial`,
        );
      }
      return this.paramValues[name] as ParamValue;
    }
    const value = this.pick(name, distribution);
    this.paramValues[name] = value;
    this.paramDistributions[name] = distribution;
    this.enqueue(() => this.host.storage.setTrialParam(this.id, name, distribution, value));
    return value;
  }

  private pick(name: string, distribution: Distribution): ParamValue {
    if (isSingleValued(distribution))
      return distribution.kind === 'categorical' ? (distribution.choices[0] ?? null) : distribution.low;
    if (name in this.fixedParams) {
      const fixed = this.fixedParams[name] as ParamValue;
      if (!contains(distribution, fixed)) {
        throw new TuneError(
          'INVALID_ARGUMENT',
          `enqueued value ${JSON.stringify(fixed)} for "${name}" lies outside its distribution`,
        );
      }
      return fixed;
    }
    const rel = this.relative[name];
    if (rel !== undefined && distributionsEqual(rel.distribution, distribution)) return rel.value;
    return this.host.sampler.sampleIndependent(this.samplerContext, this.toFrozen(), name, distribution);
  }

  private enqueue(write: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.writeError !== null) return;
      try {
        await write();
      } catch (e) {
        this.writeError = e;
      }
    });
  }

  private ensureOpen(): void {
    if (!this.open) throw new TuneError('TRIAL_NOT_RUNNING', `trial ${this.number} is finished`);
  }
}
