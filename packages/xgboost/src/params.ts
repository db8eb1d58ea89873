import { XGBoostError } from './errors.ts';

/** A parameter value as XGBoost receives it (every value travels as a string). */
export type ParamValue = string | number | boolean;

/** Common objectives; any other XGBoost objective name is accepted too. */
export type Objective =
  | 'reg:squarederror'
  | 'reg:squaredlogerror'
  | 'reg:logistic'
  | 'reg:pseudohubererror'
  | 'reg:absoluteerror'
  | 'reg:quantileerror'
  | 'reg:tweedie'
  | 'reg:gamma'
  | 'binary:logistic'
  | 'binary:logitraw'
  | 'binary:hinge'
  | 'count:poisson'
  | 'survival:cox'
  | 'survival:aft'
  | 'multi:softmax'
  | 'multi:softprob'
  | 'rank:pairwise'
  | 'rank:ndcg'
  | 'rank:map'
  | (string & {});

/**
 * Booster parameters, named as XGBoost names them (so a Python parameter dict carries over).
 * The common ones are typed; the rest of XGBoost's documented names are accepted at run time, and
 * anything else is rejected with `UNKNOWN_PARAMETER` unless passed through `TrainOptions.passThrough`.
 */
export interface XGBoostParams {
  readonly booster?: 'gbtree' | 'gblinear' | 'dart';
  readonly objective?: Objective;
  /** One metric or several; with early stopping, the last one decides. */
  readonly eval_metric?: string | readonly string[];
  readonly eta?: number;
  readonly learning_rate?: number;
  readonly max_depth?: number;
  readonly min_child_weight?: number;
  readonly gamma?: number;
  readonly min_split_loss?: number;
  readonly subsample?: number;
  readonly sampling_method?: 'uniform' | 'gradient_based';
  readonly colsample_bytree?: number;
  readonly colsample_bylevel?: number;
  readonly colsample_bynode?: number;
  readonly lambda?: number;
  readonly reg_lambda?: number;
  readonly alpha?: number;
  readonly reg_alpha?: number;
  readonly tree_method?: 'auto' | 'exact' | 'approx' | 'hist' | 'gpu_hist';
  readonly grow_policy?: 'depthwise' | 'lossguide';
  readonly max_leaves?: number;
  readonly max_bin?: number;
  readonly max_delta_step?: number;
  readonly scale_pos_weight?: number;
  readonly base_score?: number;
  readonly num_class?: number;
  readonly num_parallel_tree?: number;
  /** One entry per feature: 1 increasing, -1 decreasing, 0 free. */
  readonly monotone_constraints?: readonly number[] | string;
  /** Groups of feature indices allowed to interact. */
  readonly interaction_constraints?: readonly (readonly number[])[] | string;
  readonly max_cat_to_onehot?: number;
  readonly max_cat_threshold?: number;
  readonly nthread?: number;
  readonly seed?: number;
  readonly verbosity?: 0 | 1 | 2 | 3;
  readonly disable_default_eval_metric?: boolean;
  readonly validate_parameters?: boolean;
  readonly tweedie_variance_power?: number;
  readonly huber_slope?: number;
  readonly quantile_alpha?: number | readonly number[];
  readonly device?: string;
}

/** XGBoost's documented parameter names (1.7 through 3.x), including aliases. */
export const KNOWN_PARAMS: ReadonlySet<string> = new Set([
  // general
  'booster',
  'verbosity',
  'nthread',
  'seed',
  'seed_per_iteration',
  'disable_default_eval_metric',
  'validate_parameters',
  'device',
  'gpu_id',
  'predictor',
  'use_rmm',
  'fail_on_invalid_gpu_id',
  'num_feature',
  'random_state',
  'silent',
  // tree booster
  'eta',
  'learning_rate',
  'gamma',
  'min_split_loss',
  'max_depth',
  'min_child_weight',
  'max_delta_step',
  'subsample',
  'sampling_method',
  'colsample_bytree',
  'colsample_bylevel',
  'colsample_bynode',
  'lambda',
  'reg_lambda',
  'alpha',
  'reg_alpha',
  'tree_method',
  'sketch_eps',
  'scale_pos_weight',
  'updater',
  'refresh_leaf',
  'process_type',
  'grow_policy',
  'max_leaves',
  'max_bin',
  'num_parallel_tree',
  'monotone_constraints',
  'interaction_constraints',
  'multi_strategy',
  'max_cached_hist_node',
  'max_cat_to_onehot',
  'max_cat_threshold',
  'single_precision_histogram',
  'deterministic_histogram',
  'sparse_threshold',
  'hist_method',
  'extmem_single_page',
  'max_conflict_rate',
  'enable_feature_grouping',
  // dart
  'sample_type',
  'normalize_type',
  'rate_drop',
  'one_drop',
  'skip_drop',
  // linear
  'feature_selector',
  'top_k',
  // learning task
  'objective',
  'base_score',
  'eval_metric',
  'num_class',
  'tweedie_variance_power',
  'huber_slope',
  'quantile_alpha',
  'expectile_alpha',
  'aft_loss_distribution',
  'aft_loss_distribution_scale',
  'lambdarank_pair_method',
  'lambdarank_num_pair_per_sample',
  'lambdarank_unbiased',
  'lambdarank_bias_norm',
  'lambdarank_normalization',
  'lambdarank_score_normalization',
  'ndcg_exp_gain',
  'num_pairsample',
  'fix_list_weight',
  'max_position_size',
]);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}

function suggestion(name: string): string {
  let best = '';
  let bestDistance = 3;
  for (const known of KNOWN_PARAMS) {
    const d = editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best ? ` Did you mean "${best}"?` : '';
}

function encode(name: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new XGBoostError('INVALID_ARGUMENT', `parameter "${name}" must be finite`);
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    // XGBoost reads monotone constraints as a tuple and interaction constraints / quantiles as JSON.
    if (name === 'monotone_constraints') return `(${value.join(',')})`;
    return JSON.stringify(value);
  }
  throw new XGBoostError('INVALID_ARGUMENT', `parameter "${name}" has an unsupported value ${String(value)}`);
}

/**
 * Validates parameter names and encodes values as the `[name, value]` string pairs
 * `XGBoosterSetParam` takes (`eval_metric` arrays become one pair per metric, as XGBoost expects).
 * Names in `passThrough` skip the name check.
 *
 * @example
 * ```ts
 * import { encodeParams } from '@sodai/xgboost';
 * encodeParams({ max_depth: 6, eval_metric: ['logloss', 'auc'] });
 * // [['max_depth', '6'], ['eval_metric', 'logloss'], ['eval_metric', 'auc']]
 * ```
 */
export function encodeParams(
  params: XGBoostParams,
  passThrough: Readonly<Record<string, ParamValue>> = {},
): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!KNOWN_PARAMS.has(name)) {
      throw new XGBoostError(
        'UNKNOWN_PARAMETER',
        `Unknown XGBoost parameter "${name}".${suggestion(name)} Pass it in passThrough to send it unchecked.`,
      );
    }
    if (name === 'eval_metric' && Array.isArray(value)) {
      for (const metric of value) out.push([name, encode(name, metric)]);
    } else {
      out.push([name, encode(name, value)]);
    }
  }
  for (const [name, value] of Object.entries(passThrough)) out.push([name, encode(name, value)]);
  return out;
}
