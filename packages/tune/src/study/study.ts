import type { ParamValue } from '../distributions.ts';
import { errorText, TuneError } from '../errors.ts';
import { paramImportances, type ImportanceOptions } from '../importance.ts';
import type { Pruner, PrunerContext } from '../pruners/pruner.ts';
import type { Sampler, SamplerContext } from '../samplers/sampler.ts';
import type { Direction, Storage, StudyRecord, TrialResult } from '../storages/storage.ts';
import { lastStep, type FrozenTrial, type TrialState } from '../trial/frozen-trial.ts';
import { Trial, type TrialHost } from '../trial/trial.ts';
import { exportTrials, optimizationHistory, type HistoryPoint, type TrialRow } from './export.ts';
import { runOptimize, type Objective, type OptimizeOptions } from './optimize.ts';

export interface StudyOptions {
  /**
   * Send a heartbeat for each running trial this often, and at every `ask` fail the study's running trials
   * whose heartbeat is older than two intervals (their process died). Default: off.
   */
  readonly heartbeatIntervalMs?: number;
}

/** How a trial ended, when it did not return a value. */
export type TellOutcome =
  number | { readonly state: 'pruned' } | { readonly state: 'failed'; readonly error?: string };

/**
 * A hyper-parameter search: a name in a storage, a direction, a sampler and a pruner. `ask`/`tell` is the
 * core; `optimize` is a loop over them. Several `Study` objects — in one process or many — may work on the
 * same stored study at once: trial numbers are allocated by the storage.
 *
 * @example
 * const study = await createStudy({ direction: 'minimize', sampler: new TpeSampler({ seed: 1 }) });
 * await study.optimize((t) => (t.suggestFloat('x', -10, 10) - 2) ** 2, { nTrials: 50 });
 * console.log(study.bestTrial?.params);
 */
export class Study {
  readonly name: string;
  readonly direction: Direction;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  readonly storage: Storage;
  private readonly record: StudyRecord;
  private snapshot: readonly FrozenTrial[] = [];
  private readonly live = new Map<number, Trial>();
  private readonly host: TrialHost;
  private readonly heartbeatIntervalMs: number | null;
  private readonly heartbeats = new Map<number, ReturnType<typeof setInterval>>();

  /** @internal Use `createStudy` or `loadStudy`. */
  constructor(
    record: StudyRecord,
    storage: Storage,
    sampler: Sampler,
    pruner: Pruner,
    options: StudyOptions = {},
  ) {
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? null;
    this.record = record;
    this.name = record.name;
    this.direction = record.direction;
    this.storage = storage;
    this.sampler = sampler;
    this.pruner = pruner;
    this.host = {
      storage,
      sampler,
      pruner,
      prunerContext: (self: Trial): PrunerContext => ({
        direction: this.direction,
        trials: this.view(self.id),
      }),
    };
  }

  /**
   * Starts a trial: claims the oldest enqueued one if any, otherwise allocates a new number; then lets the
   * sampler propose its joint (relative) parameters from the study's current trials.
   */
  async ask(): Promise<Trial> {
    if (this.heartbeatIntervalMs !== null) {
      // Trials whose process stopped beating for two intervals died with it; fail them so they stop
      // counting as running (constant liar) and show up as failed.
      await this.storage.failStaleTrials(this.record.id, Date.now() - 2 * this.heartbeatIntervalMs);
    }
    const record =
      (await this.storage.claimWaitingTrial(this.record.id)) ??
      (await this.storage.createTrial(this.record.id, { state: 'running' }));
    await this.refresh();
    const context: SamplerContext = { direction: this.direction, trials: this.view(record.id) };
    const relative = this.sampler.sampleRelative?.(context, record) ?? {};
    const trial = new Trial(this.host, record, context, relative);
    this.live.set(trial.id, trial);
    if (this.heartbeatIntervalMs !== null) {
      await this.storage.recordHeartbeat(trial.id);
      const timer = setInterval(() => {
        this.storage.recordHeartbeat(trial.id).catch(() => {
          // A missed beat only risks the trial being reaped later; the next beat may succeed.
        });
      }, this.heartbeatIntervalMs);
      timer.unref();
      this.heartbeats.set(trial.id, timer);
    }
    return trial;
  }

  /**
   * Finishes a trial: a number completes it (NaN fails it, like Optuna); `{ state: 'pruned' }` records its last
   * reported value; `{ state: 'failed', error }` records the error. Waits for the trial's queued writes first.
   */
  async tell(trial: Trial, outcome: TellOutcome): Promise<FrozenTrial> {
    let result: TrialResult;
    try {
      await trial.settle();
      result = toResult(trial, outcome);
    } catch (e) {
      result = { state: 'failed', error: `storage write failed: ${errorText(e)}` };
    }
    this.live.delete(trial.id);
    clearInterval(this.heartbeats.get(trial.id));
    this.heartbeats.delete(trial.id);
    const finished = await this.storage.finishTrial(trial.id, result);
    this.snapshot = this.snapshot.map((t) => (t.id === finished.id ? finished : t));
    if (!this.snapshot.some((t) => t.id === finished.id))
      this.snapshot = [...this.snapshot, finished].sort((a, b) => a.number - b.number);
    return finished;
  }

  /**
   * Runs the objective over many trials; see {@link OptimizeOptions}. A trial whose objective throws is recorded
   * as failed with the error and the loop goes on; `TrialPruned` records a pruned trial.
   */
  async optimize(objective: Objective, options: OptimizeOptions = {}): Promise<void> {
    await runOptimize(this, objective, options);
  }

  /**
   * Adds a trial whose parameters are fixed in advance (e.g. the current champion's), run before any sampled
   * one. Parameters the objective asks for but `params` lacks are sampled as usual.
   *
   * @example
   * await study.enqueueTrial({ eta: 0.1, max_depth: 6 });
   */
  async enqueueTrial(params: Readonly<Record<string, ParamValue>>): Promise<FrozenTrial> {
    return this.storage.createTrial(this.record.id, { state: 'waiting', fixedParams: params });
  }

  /** Reloads the study's trials from the storage (to see other processes' trials). */
  async refresh(): Promise<readonly FrozenTrial[]> {
    this.snapshot = await this.storage.getAllTrials(this.record.id);
    return this.snapshot;
  }

  /** Trials as of the last `ask`, `tell` or `refresh`, ordered by number. */
  get trials(): readonly FrozenTrial[] {
    return this.snapshot;
  }

  /** The best complete trial as of the last `ask`, `tell` or `refresh`, or undefined before any completes. */
  get bestTrial(): FrozenTrial | undefined {
    return bestOf(this.snapshot, this.direction);
  }

  /** Reloads, then returns the trials, optionally only those in the given states. */
  async getTrials(states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    const all = await this.refresh();
    return states ? all.filter((t) => states.includes(t.state)) : all;
  }

  /** Reloads, then returns the best complete trial; throws `NO_COMPLETED_TRIALS` when there is none. */
  async getBestTrial(): Promise<FrozenTrial> {
    const best = bestOf(await this.refresh(), this.direction);
    if (!best) throw new TuneError('NO_COMPLETED_TRIALS', `study "${this.name}" has no completed trial`);
    return best;
  }

  /** One flat row per trial (params as `params_<name>`, user attributes as `user_attrs_<key>`) for tables and plots. */
  async exportTrials(): Promise<TrialRow[]> {
    return exportTrials(await this.refresh());
  }

  /** Each complete trial's value and the best value up to it, for the optimisation-history plot. */
  async optimizationHistory(): Promise<HistoryPoint[]> {
    return optimizationHistory(await this.refresh(), this.direction);
  }

  /** Relative importance of each parameter; see `paramImportances` for the method. */
  async paramImportances(options?: ImportanceOptions): Promise<Record<string, number>> {
    return paramImportances(await this.refresh(), options);
  }

  /** The stored trials merged with the live state of this process's running trials, minus `excludeId`. */
  private view(excludeId: number): readonly FrozenTrial[] {
    const out: FrozenTrial[] = [];
    for (const t of this.snapshot) {
      if (t.id === excludeId) continue;
      const live = this.live.get(t.id);
      out.push(live ? live.toFrozen() : t);
    }
    return out;
  }
}

function bestOf(trials: readonly FrozenTrial[], direction: Direction): FrozenTrial | undefined {
  let best: FrozenTrial | undefined;
  for (const t of trials) {
    if (t.state !== 'complete' || t.value === null) continue;
    if (
      !best ||
      (direction === 'minimize' ? t.value < (best.value as number) : t.value > (best.value as number))
    )
      best = t;
  }
  return best;
}

function toResult(trial: Trial, outcome: TellOutcome): TrialResult {
  if (typeof outcome === 'number') {
    if (Number.isNaN(outcome)) return { state: 'failed', error: 'objective returned NaN' };
    return { state: 'complete', value: outcome };
  }
  if (outcome.state === 'pruned') {
    const f = trial.toFrozen();
    const step = lastStep(f);
    return { state: 'pruned', value: step === null ? null : (f.intermediateValues[step] ?? null) };
  }
  return { state: 'failed', error: outcome.error ?? null };
}
