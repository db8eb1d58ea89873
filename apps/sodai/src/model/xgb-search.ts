import { Booster, DMatrix, train, type XGBoostParams } from '@sodai/xgboost';
import {
  createStudy,
  InMemoryStorage,
  MedianPruner,
  TpeSampler,
  TrialPruned,
  type Storage,
  type Trial,
} from '@sodai/tune';

export interface SearchOptions {
  readonly nTrials: number;
  readonly seed: number;
  readonly maxRounds?: number;
  readonly earlyStoppingRounds?: number;
  readonly storage?: Storage;
  readonly studyName?: string;
  /** Parameters tried first (default {@link DEFAULT_TREE_PARAMS}; e.g. the champion's). */
  readonly warmStart?: Readonly<Record<string, number>>;
  /** Called as each trial ends, to log it (e.g. as a nested tracking run). */
  readonly onTrial?: (trial: TrialOutcome) => void | Promise<void>;
  readonly signal?: AbortSignal;
}

export interface TrialOutcome {
  readonly number: number;
  readonly state: 'complete' | 'pruned' | 'failed';
  readonly params: Readonly<Record<string, number>>;
  /** Best validation log-loss of the trial (lower is better). */
  readonly validationLogloss: number | undefined;
  readonly bestIteration: number | undefined;
  readonly history: readonly number[];
}

export interface SearchResult {
  readonly booster: Booster;
  readonly params: XGBoostParams;
  readonly bestIteration: number;
  readonly validationLogloss: number;
  readonly trials: readonly TrialOutcome[];
}

const FIXED: XGBoostParams = {
  objective: 'binary:logistic',
  tree_method: 'hist',
  // Log-loss is computed in one pass per round; aucpr sorts the validation rows every round.
  eval_metric: 'logloss',
  max_cat_to_onehot: 8,
};

/**
 * Where the search starts. On the real data the validation log-loss surface is flat around these
 * (trials move it by < 1%), so they are also what a one-trial training uses.
 */
export const DEFAULT_TREE_PARAMS: Readonly<Record<string, number>> = Object.freeze({
  eta: 0.1,
  max_depth: 6,
  min_child_weight: 5,
  subsample: 0.8,
  colsample_bytree: 0.8,
  lambda: 1,
  alpha: 0.01,
});

function suggest(trial: Trial): Record<string, number> {
  return {
    eta: trial.suggestFloat('eta', 0.05, 0.3, { log: true }),
    max_depth: trial.suggestInt('max_depth', 4, 8),
    min_child_weight: trial.suggestFloat('min_child_weight', 1, 30, { log: true }),
    subsample: trial.suggestFloat('subsample', 0.5, 1),
    colsample_bytree: trial.suggestFloat('colsample_bytree', 0.4, 1),
    lambda: trial.suggestFloat('lambda', 1e-3, 10, { log: true }),
    alpha: trial.suggestFloat('alpha', 1e-3, 10, { log: true }),
  };
}

/**
 * TPE search over XGBoost parameters on matrices built once by the caller (XGBoost caches their
 * quantized form, so every trial reuses it). Each trial early-stops on validation log-loss and the
 * median pruner stops trials behind earlier ones at the same round. The first trial is the warm
 * start. Returns the best trial's booster.
 */
export async function searchXgboost(
  dtrain: DMatrix,
  dvalid: DMatrix,
  options: SearchOptions,
): Promise<SearchResult> {
  const study = await createStudy({
    name: options.studyName ?? 'xgboost',
    direction: 'minimize',
    sampler: new TpeSampler({ seed: options.seed }),
    pruner: new MedianPruner({ nStartupTrials: 3, nWarmupSteps: 15 }),
    storage: options.storage ?? new InMemoryStorage(),
    loadIfExists: true,
  });
  await study.enqueueTrial({ ...(options.warmStart ?? DEFAULT_TREE_PARAMS) });
  const trials: TrialOutcome[] = [];
  let best: { booster: Booster; params: XGBoostParams; bestIteration: number; logloss: number } | undefined;
  const record = async (outcome: TrialOutcome) => {
    trials.push(outcome);
    await options.onTrial?.(outcome);
  };
  await study.optimize(
    async (trial) => {
      const sampled = suggest(trial);
      const params: XGBoostParams = { ...FIXED, ...sampled, seed: options.seed, nthread: 0 };
      const history: number[] = [];
      try {
        const result = await train(params, dtrain, {
          numBoostRound: options.maxRounds ?? 400,
          evals: [[dvalid, 'valid']],
          earlyStoppingRounds: options.earlyStoppingRounds ?? 20,
          ...(options.signal ? { signal: options.signal } : {}),
          callbacks: [
            (info) => {
              const logloss = info.evals.valid?.logloss;
              if (logloss === undefined) return;
              history.push(logloss);
              trial.report(logloss, info.iteration);
              if (trial.shouldPrune()) throw new TrialPruned();
            },
          ],
        });
        const score = result.bestScore ?? Math.min(...history);
        if (!best || score < best.logloss) {
          best?.booster.dispose();
          best = { booster: result.booster, params, bestIteration: result.bestIteration, logloss: score };
        } else {
          result.booster.dispose();
        }
        await record({
          number: trial.number,
          state: 'complete',
          params: sampled,
          validationLogloss: score,
          bestIteration: result.bestIteration,
          history,
        });
        return score;
      } catch (error) {
        await record({
          number: trial.number,
          state: error instanceof TrialPruned ? 'pruned' : 'failed',
          params: sampled,
          validationLogloss: history.length > 0 ? Math.min(...history) : undefined,
          bestIteration: undefined,
          history,
        });
        throw error;
      }
    },
    { nTrials: options.nTrials, ...(options.signal ? { signal: options.signal } : {}) },
  );
  if (!best) throw new Error('no trial completed: every XGBoost trial failed or was pruned');
  return {
    booster: best.booster,
    params: best.params,
    bestIteration: best.bestIteration,
    validationLogloss: best.logloss,
    trials,
  };
}
