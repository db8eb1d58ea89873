import type { Booster, DensePredictor } from '@sodai/xgboost';
import type { Lang } from '../contract/api.ts';
import { FEATURES } from '../contract/feature-vector.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import { restoreBaseline, type BaselineSpec, type FittedBaseline } from '../model/baselines.ts';
import { ruleRate, type RuleRates, type StoredRule } from '../model/rule-rates.ts';
import { TOP_CONTRIBUTIONS, type TopContributions } from './explanations.ts';

/** Who answers: a model version, or, while no model has passed the gate, a rule and why. */
export type ServedBy =
  | { readonly kind: 'model'; readonly version: number }
  | { readonly kind: 'rule'; readonly rule: BaselineSpec; readonly reason: 'no_champion' };

interface EngineBase {
  readonly servedBy: ServedBy;
  /** The probability of one feature row scored now (a pair that is not a candidate). */
  scoreOne(row: Float32Array): number;
  dispose(): void;
}

export interface ModelEngine extends EngineBase {
  readonly kind: 'model';
  readonly booster: Booster;
}

export interface RuleEngine extends EngineBase {
  readonly kind: 'rule';
  readonly rule: FittedBaseline;
  readonly rates: RuleRates;
  /** The stored predictions it serves (see `latestRulePredictions`). */
  readonly key: string;
  /** A stored raw rule score as the share of such pairs that were bought (see `fitRuleRates`). */
  probabilityOf(score: number): number;
}

export type ScoringEngine = ModelEngine | RuleEngine;

/** The champion: its booster explains, a dense predictor scores single rows. */
export function modelEngine(version: number, booster: Booster, predictor: DensePredictor): ModelEngine {
  return {
    kind: 'model',
    servedBy: { kind: 'model', version },
    booster,
    scoreOne: (row) => predictor.predictOne(row),
    dispose() {
      predictor.dispose();
      booster.dispose();
    },
  };
}

/** The fallback rule the predict job stored with its scores. */
export function ruleEngine(stored: StoredRule, reason: 'no_champion', key: string): RuleEngine {
  const { rates, ...spec } = stored;
  const rule = restoreBaseline(spec);
  return {
    kind: 'rule',
    servedBy: { kind: 'rule', rule: spec, reason },
    rule,
    rates,
    key,
    probabilityOf: (score) => ruleRate(rates, score),
    scoreOne: (row) => ruleRate(rates, rule.score(oneRow(row))[0]!),
    dispose() {},
  };
}

function oneRow(features: Float32Array): DatasetMatrix {
  return {
    rows: 1,
    featureNames: FEATURES.map((f) => f.name),
    features,
    labels: new Float32Array(1),
    customerIds: new Float64Array(1),
    productIds: new Float64Array(1),
    cutoffIndex: new Int32Array(1),
    cutoffs: [],
    fromHistory: new Uint8Array(1),
  };
}

/** Top-contribution slots with nothing in them: a rule has no per-feature attributions. */
export function emptyTopContributions(rows: number): TopContributions {
  return {
    index: new Int8Array(rows * TOP_CONTRIBUTIONS).fill(-1),
    value: new Float32Array(rows * TOP_CONTRIBUTIONS),
  };
}

/** A rule in words a sales manager reads, in the answer's language. */
export function describeRule(rule: BaselineSpec, lang: Lang): string {
  const es = lang === 'es';
  switch (rule.name) {
    case 'k_of_n': {
      const { k, n } = rule.params;
      return es
        ? `comprado en al menos ${k} de las últimas ${n} semanas`
        : `bought in at least ${k} of the last ${n} weeks`;
    }
    case 'frequency':
      return es ? 'semanas con compra en el último año' : 'weeks with a purchase in the last year';
    case 'recent_frequency':
      return es ? 'frecuencia de compra reciente' : 'recent purchase frequency';
    case 'bought_last_week':
      return es ? 'comprado la semana pasada' : 'bought last week';
    case 'popularity':
      return es ? 'los productos más comprados del último mes' : "last month's most bought products";
    default:
      return rule.description;
  }
}
