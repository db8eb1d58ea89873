import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../store/duckdb.ts';
import { latestPurchaseDate } from '../store/transactions-queries.ts';

/** Which weekly cut-offs play which role, all counted back from the prediction cut-off. */
export interface TrainingPlan {
  /** Predict the 7 days from this day: the day after the latest data. */
  readonly predictCutoff: string;
  /** The gate's week: the last 7 days with known outcome. */
  readonly testCutoff: string;
  /** Weeks for early stopping, tuning and choosing the decision rule. */
  readonly validationCutoffs: readonly string[];
  readonly trainCutoffs: readonly string[];
}

export interface PlanOptions {
  readonly trainWeeks: number;
  readonly validationWeeks: number;
  /** First day of data: training cut-offs with less than {@link MIN_HISTORY_WEEKS} before them are dropped. */
  readonly earliestDate?: string;
}

/** A training cut-off needs this much history for its features to mean what they mean later. */
export const MIN_HISTORY_WEEKS = 4;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Cut-offs fall on the weekday after the latest data, whatever it is: data ending on a Tuesday gives
 * Wednesday cut-offs, so the partial last week is never mixed with a full one.
 */
export function planCutoffs(latestDate: string, options: PlanOptions): TrainingPlan {
  const predictCutoff = addDays(latestDate, 1);
  const week = (k: number) => addDays(predictCutoff, -7 * k);
  const validationCutoffs = Array.from({ length: options.validationWeeks }, (_, i) => week(2 + i)).reverse();
  const firstUseful = options.earliestDate ? addDays(options.earliestDate, 7 * MIN_HISTORY_WEEKS) : '';
  const trainCutoffs = Array.from({ length: options.trainWeeks }, (_, i) =>
    week(2 + options.validationWeeks + i),
  )
    .filter((cutoff) => cutoff >= firstUseful)
    .reverse();
  return { predictCutoff, testCutoff: week(1), validationCutoffs, trainCutoffs };
}

export { addDays };

/**
 * The plan counted from the latest purchase in the store (what every weekly job starts from), with
 * training cut-offs only where the store has enough history before them.
 */
export async function planForLatestData(
  connection: DuckDBConnection,
  options: PlanOptions,
): Promise<TrainingPlan> {
  const [first] = await queryRows(
    connection,
    'SELECT min(purchase_date)::DATE::VARCHAR AS d FROM transactions',
  );
  return planCutoffs(await latestPurchaseDate(connection), {
    ...options,
    ...(first?.d ? { earliestDate: String(first.d) } : {}),
  });
}
