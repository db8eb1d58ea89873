import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './duckdb.ts';

export interface PredictionWeek {
  /** The prediction cut-off (YYYY-MM-DD): the week is the 7 days from it. */
  readonly week: string;
  /** How many of the week's 7 days the store's transactions reach (0 … 7). */
  readonly daysObserved: number;
  /** Model versions with stored predictions of the week (0: a rule predicted). */
  readonly versions: readonly number[];
}

/**
 * Every week with stored predictions and how much of it the data covers, oldest first. The latest
 * purchase day bounds what is known: a week is fully observed once the data reaches its 7th day.
 */
export async function predictionWeeks(connection: DuckDBConnection): Promise<PredictionWeek[]> {
  const rows = await queryRows(
    connection,
    `WITH last AS (SELECT max(purchase_date)::DATE AS d FROM transactions)
     SELECT p.cutoff::VARCHAR AS week,
            least(7, greatest(0, coalesce(date_diff('day', p.cutoff, (SELECT d FROM last)) + 1, 0)))::INTEGER AS days,
            list(DISTINCT p.model_version ORDER BY p.model_version) AS versions
     FROM predictions p GROUP BY p.cutoff ORDER BY p.cutoff`,
  );
  return rows.map((r) => ({
    week: String(r.week),
    daysObserved: Number(r.days),
    versions: (r.versions as readonly unknown[]).map(Number),
  }));
}
