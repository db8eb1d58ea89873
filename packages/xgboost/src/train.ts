import { restoreBooster, type Booster } from './booster.ts';
import { dmatrixHandle, leaseDMatrix, type DMatrix } from './dmatrix.ts';
import { EarlyStopping, isMaximizedMetric } from './early-stopping.ts';
import { XGBoostError } from './errors.ts';
import { parseEvalLine, type EvalResult } from './eval-log.ts';
import { native } from './native.ts';
import { encodeParams, type ParamValue, type XGBoostParams } from './params.ts';
import { acquireWorker, releaseWorker } from './worker-pool.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** What a per-iteration callback sees. */
export interface IterationInfo {
  /** 0-based boosting round just finished. */
  readonly iteration: number;
  readonly numBoostRound: number;
  /** This round's metrics by data set and metric name. */
  readonly evals: EvalResult;
  readonly bestIteration: number | undefined;
  readonly bestScore: number | undefined;
  readonly elapsedMs: number;
}

/**
 * Called on the main thread after every round. Return `'stop'` (or `true`) to end training
 * normally; throw (e.g. a tuner's pruning signal) to end it with that error.
 */
export type TrainCallback = (
  info: IterationInfo,
) => void | boolean | 'stop' | Promise<void | boolean | 'stop'>;

/** Options of {@link train}. */
export interface TrainOptions {
  /** Boosting rounds (default 10). */
  readonly numBoostRound?: number;
  /** Data sets evaluated every round, as `[matrix, name]`; the last one drives early stopping. */
  readonly evals?: readonly (readonly [DMatrix, string])[];
  /** Stop when the last metric on the last eval set has not improved for this many rounds. */
  readonly earlyStoppingRounds?: number;
  /** Whether the early-stopping metric is maximised; inferred from its name by default. */
  readonly maximize?: boolean;
  readonly callbacks?: readonly TrainCallback[];
  /** Aborting stops training after the current round and rejects with `ABORTED`. */
  readonly signal?: AbortSignal;
  /** Parameters sent to XGBoost without the name check (newer or experimental ones). */
  readonly passThrough?: Readonly<Record<string, ParamValue>>;
}

/** Metric history: `history[evalName][metric][iteration]`. */
export type EvalHistory = Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;

/** The outcome of {@link train}. */
export interface TrainResult {
  readonly booster: Booster;
  /** The best round by the early-stopping metric, or the last round without early stopping. */
  readonly bestIteration: number;
  readonly bestScore: number | undefined;
  /** Rounds actually trained. */
  readonly numIterations: number;
  readonly stoppedEarly: boolean;
  readonly history: EvalHistory;
}

function validate(dtrain: DMatrix, options: TrainOptions): number {
  const rounds = options.numBoostRound ?? 10;
  if (!Number.isInteger(rounds) || rounds < 0) {
    throw new XGBoostError('INVALID_ARGUMENT', `numBoostRound must be a non-negative integer, got ${rounds}`);
  }
  const evals = options.evals ?? [];
  const es = options.earlyStoppingRounds;
  if (es !== undefined && (!Number.isInteger(es) || es < 1)) {
    throw new XGBoostError('INVALID_ARGUMENT', `earlyStoppingRounds must be a positive integer, got ${es}`);
  }
  if (es !== undefined && evals.length === 0) {
    throw new XGBoostError('INVALID_ARGUMENT', 'earlyStoppingRounds needs at least one eval set');
  }
  const names = new Set<string>();
  for (const [matrix, name] of evals) {
    if (names.has(name)) throw new XGBoostError('INVALID_ARGUMENT', `duplicate eval set name "${name}"`);
    names.add(name);
    if (matrix.numCol !== dtrain.numCol) {
      throw new XGBoostError(
        'FEATURE_MISMATCH',
        `eval set "${name}" has ${matrix.numCol} features, the training data ${dtrain.numCol}`,
      );
    }
  }
  return rounds;
}

/**
 * Trains a booster on a worker thread (so the event loop keeps serving), with evaluation,
 * early stopping, per-round callbacks and cancellation. The same algorithm and model format as
 * Python's `xgboost.train`.
 *
 * @example
 * ```ts
 * import { DMatrix, train } from '@sodai/xgboost';
 * const dtrain = DMatrix.fromDense(X, { ncol: 20, label: y });
 * const dvalid = DMatrix.fromDense(Xv, { ncol: 20, label: yv });
 * const { booster, bestIteration, history } = await train(
 *   { objective: 'binary:logistic', tree_method: 'hist', max_depth: 6, eval_metric: 'logloss' },
 *   dtrain,
 *   { numBoostRound: 200, evals: [[dvalid, 'valid']], earlyStoppingRounds: 20 },
 * );
 * const p = booster.predict(dvalid, { iterationRange: 'best' });
 * ```
 */
export async function train(
  params: XGBoostParams,
  dtrain: DMatrix,
  options: TrainOptions = {},
): Promise<TrainResult> {
  native(); // surfaces LIBRARY_NOT_FOUND here rather than inside the worker
  const encoded = encodeParams(params, options.passThrough);
  const numBoostRound = validate(dtrain, options);
  const evals = options.evals ?? [];
  const signal = options.signal;
  if (signal?.aborted) throw new XGBoostError('ABORTED', 'training was aborted', { cause: signal.reason });

  const releases = [dtrain, ...evals.map(([m]) => m)].map(leaseDMatrix);
  const start: ToWorker = {
    type: 'start',
    dtrain: dmatrixHandle(dtrain),
    evals: evals.map(([m, name]) => ({ handle: dmatrixHandle(m), name })),
    params: encoded,
    featureNames: dtrain.featureNames,
    featureTypes: dtrain.featureTypes,
    numBoostRound,
  };
  const evalNames = evals.map(([, name]) => name);
  const history: Record<string, Record<string, number[]>> = {};
  const callbacks = options.callbacks ?? [];
  const esRounds = options.earlyStoppingRounds;
  let early: EarlyStopping | undefined;
  let stoppedEarly = false;
  let lastIteration = -1;
  let failure: unknown;
  const startedAt = performance.now();

  const worker = acquireWorker();
  let healthy = true;
  try {
    const snapshot = await new Promise<ArrayBuffer>((resolve, reject) => {
      const onAbort = (): void => {
        failure ??= new XGBoostError('ABORTED', 'training was aborted', { cause: signal?.reason });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (fn: () => void): void => {
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      worker.on('error', (err) => {
        healthy = false;
        settle(() =>
          reject(new XGBoostError('WORKER', `training worker failed: ${err.message}`, { cause: err })),
        );
      });
      worker.on('exit', (code) => {
        healthy = false;
        settle(() => reject(new XGBoostError('WORKER', `training worker exited with code ${code}`)));
      });
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'error') {
          settle(() => reject(new XGBoostError(msg.code, msg.message)));
          return;
        }
        if (msg.type === 'done') {
          settle(() => resolve(msg.model));
          return;
        }
        void onIteration(msg.iteration, msg.evalText).then((stop) => {
          worker.postMessage({ type: stop || failure !== undefined ? 'stop' : 'next' } satisfies ToWorker);
        });
      });
      worker.postMessage(start);
    });
    if (failure !== undefined) throw failure;
    const booster = restoreBooster(new Uint8Array(snapshot));
    if (early?.bestIteration !== undefined) {
      booster.setAttr('best_iteration', String(early.bestIteration));
      booster.setAttr('best_score', String(early.bestScore));
    }
    const frozenHistory: Record<string, Readonly<Record<string, readonly number[]>>> = {};
    for (const [name, metrics] of Object.entries(history)) {
      const m: Record<string, readonly number[]> = {};
      for (const [metric, values] of Object.entries(metrics)) m[metric] = Object.freeze(values);
      frozenHistory[name] = Object.freeze(m);
    }
    return Object.freeze({
      booster,
      bestIteration: early?.bestIteration ?? lastIteration,
      bestScore: early?.bestScore,
      numIterations: lastIteration + 1,
      stoppedEarly,
      history: Object.freeze(frozenHistory),
    });
  } finally {
    for (const release of releases) release();
    if (healthy) releaseWorker(worker);
    else void worker.terminate();
  }

  async function onIteration(iteration: number, evalText: string): Promise<boolean> {
    lastIteration = iteration;
    if (failure !== undefined) return true;
    try {
      const result = parseEvalLine(evalText, evalNames);
      for (const [name, metrics] of Object.entries(result)) {
        const h = (history[name] ??= {});
        for (const [metric, value] of Object.entries(metrics)) (h[metric] ??= []).push(value);
      }
      let stop = false;
      if (esRounds !== undefined) {
        const lastSet = result[evalNames[evalNames.length - 1] ?? ''] ?? {};
        const metric = Object.keys(lastSet).at(-1);
        if (metric !== undefined) {
          early ??= new EarlyStopping(esRounds, options.maximize ?? isMaximizedMetric(metric));
          if (early.update(iteration, lastSet[metric] ?? Number.NaN)) {
            stop = true;
            stoppedEarly = true;
          }
        }
      }
      const info: IterationInfo = Object.freeze({
        iteration,
        numBoostRound,
        evals: result,
        bestIteration: early?.bestIteration,
        bestScore: early?.bestScore,
        elapsedMs: performance.now() - startedAt,
      });
      for (const callback of callbacks) {
        const verdict = await callback(info);
        if (verdict === true || verdict === 'stop') stop = true;
      }
      return stop;
    } catch (err) {
      failure ??= err;
      return true;
    }
  }
}
