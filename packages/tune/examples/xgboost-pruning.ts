// Pruning an XGBoost-style training loop with @sodai/tune.
//
// Run: npx tsx packages/tune/examples/xgboost-pruning.ts
//
// Any trainer that calls a function once per boosting round works; the example needs only the structural
// `IterationTrainer` below, so it does not import @sodai/xgboost. With @sodai/xgboost, pass
// `pruningCallback(trial, 'valid-logloss')` as its per-iteration callback: each round reports the validation
// metric (`trial.report(value, iteration)`), asks `trial.shouldPrune()` and, if so, asks the trainer to stop.
// The objective then throws `TrialPruned` *after* `train` returns — not from inside the callback, because an
// exception thrown through a native library's callback (XGBoost via FFI) may not unwind cleanly.
import { createStudy, MedianPruner, TpeSampler, TrialPruned, type Trial } from '../src/index.ts';

/** One boosting round's evaluation, as a trainer hands it to its callback. */
export interface IterationLog {
  readonly iteration: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** Return true to stop training after this round. */
export type IterationCallback = (log: IterationLog) => boolean | void;

/** The only thing the example needs from a trainer. */
export interface IterationTrainer<P> {
  train(
    params: P,
    options: { readonly rounds: number; readonly onIteration: IterationCallback },
  ): Promise<{ readonly bestScore: number }>;
}

/** A per-iteration callback that reports `metric` to the trial and stops training once the pruner says so. */
export function pruningCallback(
  trial: Trial,
  metric: string,
): IterationCallback & { readonly pruned: () => boolean } {
  let pruned = false;
  const callback = (log: IterationLog): boolean => {
    const value = log.metrics[metric];
    if (value === undefined) throw new Error(`metric ${metric} missing from the evaluation log`);
    trial.report(value, log.iteration);
    pruned = trial.shouldPrune();
    return pruned;
  };
  return Object.assign(callback, { pruned: () => pruned });
}

interface BoosterParams {
  readonly eta: number;
  readonly maxDepth: number;
  readonly subsample: number;
}

/** A stand-in for XGBoost: validation log-loss curves whose floor depends on the parameters. */
const simulatedTrainer: IterationTrainer<BoosterParams> = {
  async train(params, { rounds, onIteration }) {
    const floor =
      0.2 +
      (Math.log10(params.eta) + 1) ** 2 * 0.05 +
      Math.abs(params.maxDepth - 6) * 0.01 +
      (1 - params.subsample) * 0.1;
    let best = Infinity;
    for (let iteration = 0; iteration < rounds; iteration++) {
      const loss = floor + 0.5 * Math.exp(-params.eta * 10 * (iteration + 1) * 0.1);
      best = Math.min(best, loss);
      if (onIteration({ iteration, metrics: { 'valid-logloss': loss } })) break;
    }
    return { bestScore: best };
  },
};

async function objective(trial: Trial): Promise<number> {
  const params: BoosterParams = {
    eta: trial.suggestFloat('eta', 0.01, 0.3, { log: true }),
    maxDepth: trial.suggestInt('max_depth', 3, 10),
    subsample: trial.suggestFloat('subsample', 0.5, 1),
  };
  const callback = pruningCallback(trial, 'valid-logloss');
  const { bestScore } = await simulatedTrainer.train(params, { rounds: 200, onIteration: callback });
  if (callback.pruned()) throw new TrialPruned(`pruned by the median rule`);
  return bestScore;
}

const study = await createStudy({
  name: 'xgboost-pruning-example',
  sampler: new TpeSampler({ seed: 1 }),
  pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 20, intervalSteps: 10 }),
});
// Start from the current champion's parameters, as the weekly retrain does.
await study.enqueueTrial({ eta: 0.1, max_depth: 6, subsample: 0.8 });
await study.optimize(objective, { nTrials: 40 });

const states = study.trials.map((t) => t.state);
console.log(
  `complete ${states.filter((s) => s === 'complete').length}, pruned ${states.filter((s) => s === 'pruned').length}`,
);
console.log('best', study.bestTrial?.value?.toFixed(4), study.bestTrial?.params);
console.log('importances', await study.paramImportances());
