import type {
  EstimatedMetricRow,
  MonitorRecords,
  RealizedMetricRow,
} from '../store/catalog/monitor-records.ts';
import { predictionWeeks, type PredictionWeek } from '../store/prediction-weeks.ts';
import type { RawStore } from '../store/raw-store.ts';

/** One scorer's realized metrics on one week, by metric name (`f1`, `ndcg_at_5`, …). */
export interface RealizedScorerWeek {
  readonly version: number;
  /** `model`, `fallback` (a rule served while no model had passed the gate) or `rule:<name>`. */
  readonly scorer: string;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface RealizedWeek {
  /** The prediction cut-off: the week is the 7 days from it. */
  readonly week: string;
  readonly daysObserved: number;
  /** The stored predictions of the week (each version that predicted it), newest version first. */
  readonly served: readonly RealizedScorerWeek[];
  /**
   * The rule the plan would have predicted with (chosen on its validation weeks, not in hindsight),
   * scored on this week; absent without enough history to fit rules.
   */
  readonly bestRule: RealizedScorerWeek | undefined;
  /** Every rule, by name. */
  readonly rules: readonly RealizedScorerWeek[];
  /** What each model version expected of the week when it predicted it (no rule has probabilities). */
  readonly estimated: readonly EstimatedWeek[];
}

/** A version's expected metrics of a week (`f1`, `precision`, `recall`, …), stored when it predicted. */
export interface EstimatedWeek {
  readonly version: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** How far the estimates were from what happened, over the weeks that have both. */
export interface EstimationError {
  readonly weeks: number;
  /** Mean |estimated F1 − realized F1|. */
  readonly f1MeanAbsError: number;
  /** Mean estimated F1 − realized F1: above 0 the model promised more than it delivered. */
  readonly f1MeanBias: number;
}

/** Estimated rows grouped by week, each week's versions newest first. */
export function groupEstimatedRows(rows: readonly EstimatedMetricRow[]): Map<string, EstimatedWeek[]> {
  const weeks = new Map<string, Map<number, Record<string, number>>>();
  for (const row of rows) {
    let versions = weeks.get(row.week);
    if (!versions) weeks.set(row.week, (versions = new Map()));
    const metrics = versions.get(row.version) ?? {};
    metrics[row.metric] = row.value;
    versions.set(row.version, metrics);
  }
  return new Map(
    [...weeks].map(([week, versions]) => [
      week,
      [...versions].map(([version, metrics]) => ({ version, metrics })).sort((a, b) => b.version - a.version),
    ]),
  );
}

/** The estimation error of F1 over every week where a version both estimated and was scored. */
export function estimationError(weeks: readonly RealizedWeek[]): EstimationError {
  const gaps: number[] = [];
  for (const week of weeks) {
    for (const served of week.served) {
      const estimated = week.estimated.find((e) => e.version === served.version)?.metrics.f1;
      const realized = served.metrics.f1;
      if (estimated !== undefined && realized !== undefined) gaps.push(estimated - realized);
    }
  }
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    weeks: gaps.length,
    f1MeanAbsError: mean(gaps.map(Math.abs)),
    f1MeanBias: mean(gaps),
  };
}

/** Realized rows grouped into weeks, oldest first: what the API, the CLI and the alerts read. */
export function groupRealizedRows(
  rows: readonly RealizedMetricRow[],
  estimated: ReadonlyMap<string, readonly EstimatedWeek[]> = new Map(),
): RealizedWeek[] {
  const weeks = new Map<string, { days: number; scorers: Map<string, RealizedScorerWeek> }>();
  for (const row of rows) {
    let week = weeks.get(row.week);
    if (!week) weeks.set(row.week, (week = { days: row.daysObserved, scorers: new Map() }));
    const key = `${row.version}\u0000${row.scorer}`;
    const scorer = week.scorers.get(key) ?? { version: row.version, scorer: row.scorer, metrics: {} };
    week.scorers.set(key, { ...scorer, metrics: { ...scorer.metrics, [row.metric]: row.value } });
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, { days, scorers }]) => {
      const all = [...scorers.values()];
      return {
        week,
        daysObserved: days,
        served: all
          .filter((s) => s.scorer === 'model' || s.scorer === 'fallback')
          .sort((a, b) => b.version - a.version),
        bestRule: all.find((s) => s.scorer.startsWith('rule:') && s.metrics.chosen === 1),
        rules: all
          .filter((s) => s.scorer.startsWith('rule:'))
          .sort((a, b) => a.scorer.localeCompare(b.scorer)),
        estimated: estimated.get(week) ?? [],
      };
    });
}

/**
 * Every scored week (from `from` on), grouped.
 *
 * @example
 * const weeks = await realizedWeeks(store.shared.catalog.monitor);
 * const last = weeks.at(-1); // last?.served[0]?.metrics.f1 beside last?.bestRule?.metrics.f1
 */
export async function realizedWeeks(records: MonitorRecords, from?: string): Promise<RealizedWeek[]> {
  const filter = from ? { from } : {};
  return groupRealizedRows(
    await records.realized(filter),
    groupEstimatedRows(await records.estimated(filter)),
  );
}

export interface RealizedStatus {
  readonly scoredWeeks: number;
  readonly lastScored: RealizedWeek | undefined;
  /** Predicted weeks the data does not cover completely yet, with the days it does and the estimates. */
  readonly waiting: readonly (PredictionWeek & { readonly estimated: readonly EstimatedWeek[] })[];
  readonly estimationError: EstimationError;
  /** Fully observed predicted weeks without realized rows (scored by the next run or a backfill). */
  readonly unscored: readonly string[];
}

/** Where realized monitoring stands: what is scored, what waits for data, what waits for scoring. */
export async function realizedStatus(store: RawStore): Promise<RealizedStatus> {
  const weeks = await realizedWeeks(store.shared.catalog.monitor);
  const scored = new Set(weeks.map((w) => w.week));
  const predicted = await predictionWeeks(store.connection);
  const estimated = groupEstimatedRows(await store.shared.catalog.monitor.estimated());
  return {
    scoredWeeks: weeks.length,
    lastScored: weeks.at(-1),
    waiting: predicted
      .filter((w) => w.daysObserved < 7)
      .map((w) => ({ ...w, estimated: estimated.get(w.week) ?? [] })),
    estimationError: estimationError(weeks),
    unscored: predicted.filter((w) => w.daysObserved === 7 && !scored.has(w.week)).map((w) => w.week),
  };
}
