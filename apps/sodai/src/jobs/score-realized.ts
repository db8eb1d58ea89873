import type { ModelSettings } from '../config/config-schema.ts';
import { addDays, planCutoffs } from '../features/cutoff-plan.ts';
import { DatasetCache } from '../features/dataset-cache.ts';
import { bestBaseline, fitBaselines, type FittedBaseline } from '../model/baselines.ts';
import {
  alignStoredPredictions,
  pairKey,
  CHOSEN_RULE,
  REALIZED_METRICS,
  scoreRealizedWeek,
  type PairUnits,
  type RealizedMetrics,
} from '../model/realized-scoring.ts';
import type { DatasetMatrix } from '../features/dataset-matrix.ts';
import type { RealizedMetricRow } from '../store/catalog/monitor-records.ts';
import { queryRows, sqlString } from '../store/duckdb.ts';
import type { RawStore } from '../store/raw-store.ts';
import { predictionWeeks } from '../store/prediction-weeks.ts';

/** Stored predictions of a version ≥ 1 are `model`; version 0 (a rule predicted) is `fallback`. */
export const storedScorer = (version: number): string => (version > 0 ? 'model' : 'fallback');

export interface RealizedWeekOutcome {
  readonly week: string;
  readonly daysObserved: number;
  /** F1 per scored scorer, `v3 model` / `v0 rule:k_of_n`, for the log. */
  readonly f1: Readonly<Record<string, number>>;
}

export interface ScoreRealizedOptions {
  readonly log?: (line: string) => void;
  /** Score these weeks again even when they already have rows (`sodai monitor backfill --rescore`). */
  readonly rescore?: boolean;
}

/**
 * Weeks with stored predictions whose 7 days the store now holds completely and that have no
 * realized rows yet. A week the data covers only partly waits for the batch that completes it.
 */
export async function weeksToScore(store: RawStore, rescore = false): Promise<string[]> {
  const predicted = await predictionWeeks(store.connection);
  const scored = rescore ? new Map<string, number>() : await store.shared.catalog.monitor.realizedWeeks();
  return predicted.filter((w) => w.daysObserved === 7 && !scored.has(w.week)).map((w) => w.week);
}

/**
 * Scores every week {@link weeksToScore} returns: each version's stored predictions of the week, and
 * every rule fitted on the validation weeks of the plan that predicted it (the best of them marked
 * `chosen`), on the purchases the week turned out to hold. Each week's rows replace its old ones
 * in one transaction.
 */
export async function scoreRealizedWeeks(
  store: RawStore,
  settings: ModelSettings,
  options: ScoreRealizedOptions = {},
): Promise<RealizedWeekOutcome[]> {
  const log = options.log ?? (() => {});
  const weeks = await weeksToScore(store, options.rescore);
  if (weeks.length === 0) {
    log('no predicted week has become fully observed since the last scoring');
    return [];
  }
  const datasets = new DatasetCache(store.connection, {
    lookbackWeeks: settings.lookbackWeeks,
    exploreK: settings.exploreK,
    log,
    objects: store.shared.objects,
  });
  const outcomes: RealizedWeekOutcome[] = [];
  for (const week of weeks) {
    const rows = await realizedRowsOf(store, datasets, settings, week);
    await store.shared.catalog.monitor.replaceRealizedWeek(week, rows);
    const f1: Record<string, number> = {};
    for (const r of rows) if (r.metric === 'f1') f1[`v${r.version} ${r.scorer}`] = r.value;
    log(
      `realized week from ${week}: ${Object.entries(f1)
        .map(([k, v]) => `${k} F1 ${v.toFixed(4)}`)
        .join(', ')}`,
    );
    outcomes.push({ week, daysObserved: 7, f1 });
  }
  return outcomes;
}

/**
 * Every rule as the plan that predicted `week` fitted it, on that plan's validation weeks (none
 * when the data has no validation week yet). Realized scoring and `sodai replay --truth` both score
 * these, so a week's rule figures do not depend on whether a challenger was trained before it.
 */
export async function rulesFittedBefore(
  datasets: DatasetCache,
  settings: ModelSettings,
  week: string,
): Promise<FittedBaseline[]> {
  const cutoffs = ruleWeeksOf(week, settings);
  await datasets.ensure(cutoffs);
  const valid = await datasets.matrix(cutoffs);
  if (valid.rows === 0) return [];
  return fitBaselines(valid, (await datasets.missed(cutoffs)).total);
}

/** The validation weeks of the plan that predicted `week`, where {@link rulesFittedBefore} fits. */
function ruleWeeksOf(week: string, settings: ModelSettings): readonly string[] {
  return planCutoffs(addDays(week, -1), settings).validationCutoffs;
}

async function realizedRowsOf(
  store: RawStore,
  datasets: DatasetCache,
  settings: ModelSettings,
  week: string,
): Promise<RealizedMetricRow[]> {
  // One build for the week and its rule weeks: each build scans the transactions once.
  await datasets.ensure([week, ...ruleWeeksOf(week, settings)]);
  const matrix = await datasets.matrix([week]);
  const missed = await datasets.missed([week]);
  const rows: RealizedMetricRow[] = [];
  const push = (version: number, scorer: string, metrics: RealizedMetrics) => {
    for (const metric of REALIZED_METRICS) {
      // A metric a scorer cannot have (expected units of a rule, whose scores are no probabilities).
      if (!Number.isFinite(metrics[metric])) continue;
      rows.push({ week, version, scorer, metric, value: metrics[metric], daysObserved: 7 });
    }
  };
  const units = await pairUnits(store, matrix, week, settings.lookbackWeeks);

  const stored = await queryRows(
    store.connection,
    `SELECT model_version AS v, customer_id::DOUBLE AS c, product_id::DOUBLE AS p, score, predicted
     FROM predictions WHERE cutoff = DATE ${sqlString(week)}`,
  );
  const byVersion = new Map<number, Map<string, { score: number; predicted: boolean }>>();
  for (const r of stored) {
    const version = Number(r.v);
    let pairs = byVersion.get(version);
    if (!pairs) byVersion.set(version, (pairs = new Map()));
    pairs.set(pairKey(Number(r.c), Number(r.p)), { score: Number(r.score), predicted: r.predicted === true });
  }
  for (const [version, pairs] of byVersion) {
    const { scores, threshold } = alignStoredPredictions(matrix, pairs);
    push(
      version,
      storedScorer(version),
      scoreRealizedWeek(scores, threshold, matrix, missed, { ...units, probabilities: version > 0 }),
    );
  }

  const rules = await rulesFittedBefore(datasets, settings, week);
  if (rules.length > 0) {
    const best = bestBaseline(rules);
    for (const rule of rules) {
      const scorer = `rule:${rule.name}`;
      push(
        0,
        scorer,
        scoreRealizedWeek(rule.score(matrix), rule.threshold, matrix, missed, {
          ...units,
          probabilities: false,
        }),
      );
      // Which rule the plan would have predicted with: chosen before the week, never in hindsight.
      rows.push({
        week,
        version: 0,
        scorer,
        metric: CHOSEN_RULE,
        value: rule === best ? 1 : 0,
        daysObserved: 7,
      });
    }
  }
  return rows;
}

/**
 * Per candidate row of the week: the units its pair usually comes to (units per week it was bought
 * in the lookback before the week; a pair never bought takes its product's usual units per buying
 * customer-week, else 1) and the units bought in the week itself.
 */
async function pairUnits(
  store: RawStore,
  matrix: DatasetMatrix,
  week: string,
  lookbackWeeks: number,
): Promise<PairUnits> {
  const from = sqlString(addDays(week, -7 * lookbackWeeks));
  const start = sqlString(week);
  const end = sqlString(addDays(week, 7));
  // One scan: each pair's units and buying weeks before the week and its units in the week; the
  // product-level fallback is summed from the same rows.
  const pairs = await queryRows(
    store.connection,
    `WITH h AS (SELECT customer_id, product_id, sum(items) AS units,
                       count(DISTINCT date_trunc('week', purchase_date)) AS weeks
                FROM transactions WHERE purchase_date >= DATE ${from} AND purchase_date < DATE ${start} GROUP BY ALL),
          b AS (SELECT customer_id, product_id, sum(items) AS units FROM transactions
                WHERE purchase_date >= DATE ${start} AND purchase_date < DATE ${end} GROUP BY ALL)
     SELECT coalesce(h.customer_id, b.customer_id)::DOUBLE AS c, coalesce(h.product_id, b.product_id)::DOUBLE AS p,
            h.units::DOUBLE AS units, h.weeks::DOUBLE AS weeks, b.units::DOUBLE AS bought
     FROM h FULL JOIN b ON h.customer_id = b.customer_id AND h.product_id = b.product_id`,
  );
  const byPair = new Map(pairs.map((r) => [pairKey(Number(r.c), Number(r.p)), r]));
  const perProduct = new Map<number, { units: number; weeks: number }>();
  for (const r of pairs) {
    if (r.weeks === null) continue;
    const t = perProduct.get(Number(r.p)) ?? { units: 0, weeks: 0 };
    perProduct.set(Number(r.p), { units: t.units + Number(r.units), weeks: t.weeks + Number(r.weeks) });
  }
  const usual = new Float64Array(matrix.rows);
  const bought = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    const row = byPair.get(pairKey(matrix.customerIds[i]!, matrix.productIds[i]!));
    const product = perProduct.get(matrix.productIds[i]!);
    usual[i] =
      row && row.weeks !== null
        ? Number(row.units) / Number(row.weeks)
        : product
          ? product.units / product.weeks
          : 1;
    bought[i] = row?.bought === null || row?.bought === undefined ? 0 : Math.max(0, Number(row.bought));
  }
  return { usual, bought };
}
