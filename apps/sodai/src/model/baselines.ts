import { FEATURE_NAMES } from '../contract/feature-vector.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import { bestF1Threshold } from './metrics.ts';

/** A fitted baseline as plain data (a task output, a JSON artifact): enough to rebuild its scorer. */
export interface BaselineSpec {
  readonly name: string;
  readonly description: string;
  readonly threshold: number;
  readonly validationF1: number;
  /** The rule's own parameters (`k` and `n` of "bought in ≥ k of the last n weeks"). */
  readonly params: Readonly<Record<string, number>>;
}

/** A baseline turned into a decision: scores for rows and the threshold chosen on validation. */
export interface FittedBaseline extends BaselineSpec {
  score(matrix: DatasetMatrix): Float32Array;
}

function column(matrix: DatasetMatrix, name: string): (row: number) => number {
  const j = FEATURE_NAMES.indexOf(name);
  if (j < 0) throw new Error(`unknown feature ${name}`);
  const F = FEATURE_NAMES.length;
  return (row) => {
    const v = matrix.features[row * F + j]!;
    return Number.isNaN(v) ? 0 : v;
  };
}

function scoreWith(matrix: DatasetMatrix, f: (row: number) => number): Float32Array {
  const out = new Float32Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) out[i] = f(i);
  return out;
}

type Scorer = (matrix: DatasetMatrix) => Float32Array;

const SCORE_BASELINES: readonly { name: string; description: string; scorer: Scorer }[] = [
  {
    name: 'popularity',
    description: 'the product’s buyers in the last 4 weeks (same for every customer)',
    scorer: (m) => scoreWith(m, column(m, 'prod_buyers_4')),
  },
  {
    name: 'frequency',
    description: 'weeks with a purchase of the pair in the last 52 weeks',
    scorer: (m) => scoreWith(m, column(m, 'pair_weeks_52')),
  },
  {
    name: 'recent_frequency',
    description: 'recency-weighted purchase frequency (last 1, 2, 4, 8 weeks weighted 0.4, 0.3, 0.2, 0.1)',
    scorer: (m) => {
      const [w1, w2, w4, w8] = ['pair_weeks_1', 'pair_weeks_2', 'pair_weeks_4', 'pair_weeks_8'].map((n) =>
        column(m, n),
      );
      return scoreWith(m, (i) => 0.4 * w1!(i) + 0.3 * (w2!(i) / 2) + 0.2 * (w4!(i) / 4) + 0.1 * (w8!(i) / 8));
    },
  },
  {
    name: 'bought_last_week',
    description: 'bought in the 7 days before the cut-off',
    scorer: (m) => scoreWith(m, (i) => (column(m, 'pair_weeks_1')(i) >= 1 ? 1 : 0)),
  },
];

const RULE_WINDOWS = [2, 4, 8, 12] as const;

const kOfNScorer =
  (k: number, n: number): Scorer =>
  (m) =>
    scoreWith(m, (i) => (column(m, `pair_weeks_${n}`)(i) >= k ? 1 : 0));

/**
 * Fits every baseline on validation rows: thresholds for scores, and for the "bought in ≥ k of the
 * last n weeks" rule the (k, n) with the best validation F1.
 */
export function fitBaselines(validation: DatasetMatrix, missedPositives: number): FittedBaseline[] {
  const fitted: FittedBaseline[] = SCORE_BASELINES.map((b) => {
    const { threshold, f1 } = bestF1Threshold(b.scorer(validation), validation.labels, missedPositives);
    return {
      name: b.name,
      description: b.description,
      threshold,
      validationF1: f1,
      params: {},
      score: b.scorer,
    };
  });
  let bestRule: FittedBaseline | undefined;
  for (const n of RULE_WINDOWS) {
    for (let k = 1; k <= n; k++) {
      const scorer = kOfNScorer(k, n);
      const { f1 } = bestF1Threshold(scorer(validation), validation.labels, missedPositives);
      if (!bestRule || f1 > bestRule.validationF1) {
        bestRule = {
          name: 'k_of_n',
          description: `bought in at least ${k} of the last ${n} weeks`,
          threshold: 0.5,
          validationF1: f1,
          params: { k, n },
          score: scorer,
        };
      }
    }
  }
  fitted.push(bestRule!);
  return fitted;
}

/** The baseline with the best validation F1 (the rule that predicts while no model has passed the gate). */
export function bestBaseline(fitted: readonly FittedBaseline[]): FittedBaseline {
  if (fitted.length === 0) throw new Error('no baseline fitted');
  return fitted.reduce((a, b) => (b.validationF1 > a.validationF1 ? b : a));
}

/** The fitted baseline a {@link BaselineSpec} describes, scorer included. */
export function restoreBaseline(spec: BaselineSpec): FittedBaseline {
  if (spec.name === 'k_of_n') {
    const { k, n } = spec.params;
    if (k === undefined || n === undefined) throw new Error('k_of_n needs its k and n');
    return { ...spec, score: kOfNScorer(k, n) };
  }
  const known = SCORE_BASELINES.find((b) => b.name === spec.name);
  if (!known) throw new Error(`unknown baseline ${spec.name}`);
  return { ...spec, score: known.scorer };
}

/** The plain-data part of a fitted baseline. */
export function baselineSpec(b: BaselineSpec): BaselineSpec {
  return {
    name: b.name,
    description: b.description,
    threshold: b.threshold,
    validationF1: b.validationF1,
    params: b.params,
  };
}
