import { Booster, train, type XGBoostParams } from '@sodai/xgboost';
import {
  createStudy,
  InMemoryStorage,
  MedianPruner,
  TpeSampler,
  TrialPruned,
  type Storage,
  type Trial,
} from '@sodai/tune';
import { toDMatrix } from '../features/xgb-matrix.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';

export interface SearchOptions {
  readonly nTrials: number;
  readonly seed: number;
  readonly maxRounds?: number;
  readonly earlyStoppingRounds?: number;
  readonly storage?: Storage;
  readonly studyName?: string;
  /** Parameters to try first (e.g. the champion's). */
  readonly warmStart?: Readonly<Record<string, number>>;
  /** Called as each trial ends, to log it (e.g. as a nested tracking run). */
  readonly onTrial?: (trial: TrialOutcome) => void | Promise<void>;
  readonly signal?: AbortSignal;
}

export interface TrialOutcome {
  readonly number: number;
  readonly state: 'complete' | 'pruned' | 'failed';
  readonly params: Readonly<Record<string, number>>;
  readonly validationAucpr: number | undefined;
  readonly bestIteration: number | undefined;
  readonly history: readonly number[];
}

export interface SearchResult {
  readonly booster: Booster;
  readonly params: XGBoostParams;
  readonly bestIteration: number;
  readonly validationAucpr: number;
  readonly trials: readonly TrialOutcome[];
}

const FIXED: XGBoostParams = {
  objective: 'binary:logistic',
  tree_method: 'hist',
  eval_metric: ['logloss', 'aucpr'],
  max_cat_to_onehot: 8,
};

function suggest(trial: Trial): Record<string, number> {
  return {
    eta: trial.suggestFloat('eta', 0.02, 0.3, { log: true }),
    max_depth: trial.suggestInt('max_depth', 3, 9),
    min_child_weight: trial.suggestFloat('min_child_weight', 1, 30, { log: true }),
    subsample: trial.suggestFloat('subsample', 0.5, 1),
    colsample_bytree: trial.suggestFloat('colsample_bytree', 0.4, 1),
    lambda: trial.suggestFloat('lambda', 1e-3, 10, { log: true }),
    alpha: trial.suggestFloat('alpha', 1e-3, 10, { log: true }),
  };
}

/**
 * TPE search over XGBoost parameters: each trial trains with early stopping on the validation
 * weeks (area under the precision–recall curve), and the median pruner stops trials that fall
 * behind earlier ones at the same round. Returns the best trial's booster.
 */
export async function searchXgboost(
  trainSet: DatasetMatrix,
  validSet: DatasetMatrix,
  options: SearchOptions,
): Promise<SearchResult> {
  const dtrain = toDMatrix(trainSet);
  const dvalid = toDMatrix(validSet);
  const study = await createStudy({
    name: options.studyName ?? 'xgboost',
    direction: 'maximize',
    sampler: new TpeSampler({ seed: options.seed }),
    pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 15 }),
    storage: options.storage ?? new InMemoryStorage(),
    loadIfExists: true,
  });
  if (options.warmStart) await study.enqueueTrial(options.warmStart);
  const trials: TrialOutcome[] = [];
  let best: { booster: Booster; params: XGBoostParams; bestIteration: number; aucpr: number } | undefined;
  try {
    await study.optimize(
      async (trial) => {
        const sampled = suggest(trial);
        const params: XGBoostParams = { ...FIXED, ...sampled, seed: options.seed, nthread: 0 };
        const history: number[] = [];
        let outcome: TrialOutcome['state'] = 'complete';
        try {
          const result = await train(params, dtrain, {
            numBoostRound: options.maxRounds ?? 400,
            evals: [[dvalid, 'valid']],
            earlyStoppingRounds: options.earlyStoppingRounds ?? 30,
            ...(options.signal ? { signal: options.signal } : {}),
            callbacks: [
              (info) => {
                const aucpr = info.evals.valid?.aucpr;
                if (aucpr === undefined) return;
                history.push(aucpr);
                trial.report(aucpr, info.iteration);
                if (trial.shouldPrune()) throw new TrialPruned();
              },
            ],
          });
          const score = result.bestScore ?? Math.max(...history);
          if (!best || score > best.aucpr) {
            best?.booster.dispose();
            best = { booster: result.booster, params, bestIteration: result.bestIteration, aucpr: score };
          } else {
            result.booster.dispose();
          }
          const done: TrialOutcome = {
            number: trial.number,
            state: outcome,
            params: sampled,
            validationAucpr: score,
            bestIteration: result.bestIteration,
            history,
          };
          trials.push(done);
          await options.onTrial?.(done);
          return score;
        } catch (error) {
          outcome = error instanceof TrialPruned ? 'pruned' : 'failed';
          const done: TrialOutcome = {
            number: trial.number,
            state: outcome,
            params: sampled,
            validationAucpr: history.length > 0 ? Math.max(...history) : undefined,
            bestIteration: undefined,
            history,
          };
          trials.push(done);
          await options.onTrial?.(done);
          throw error;
        }
      },
      { nTrials: options.nTrials, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } finally {
    dtrain.dispose();
    dvalid.dispose();
  }
  if (!best) throw new Error('no trial completed: every XGBoost trial failed or was pruned');
  return {
    booster: best.booster,
    params: best.params,
    bestIteration: best.bestIteration,
    validationAucpr: best.aucpr,
    trials,
  };
}
